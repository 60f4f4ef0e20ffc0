#!/usr/bin/env bash
# Fails (listing the files) when a C++ file tracked by git differs from what clang-format makes of
# it with the project's .clang-format. Fix with:  clang-format -i $(git ls-files '*.cpp' '*.h')
# Run by ctest as Style.clang_format.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
command -v clang-format >/dev/null || die "clang-format is not installed: run scripts/setup.sh"
mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find src tests -name '*.cpp' -o -name '*.h')
[ "${#files[@]}" -gt 0 ] || die "no C++ files found"
bad=()
for f in "${files[@]}"; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ "${#bad[@]}" -gt 0 ]; then
  printf 'not formatted (clang-format -i FILE):\n'; printf '  %s\n' "${bad[@]}"
  exit 1
fi
echo "${#files[@]} C++ files formatted"
