#pragma once
// The station chart's axes (features/air/ui/station_panel.cpp), as plain arithmetic.
#include <vector>

namespace ccap {

// A tick step of 1, 2 or 5 x 10^k that cuts 0..top into about `count` parts (top > 0).
double nice_step(double top, int count);

// Where the labels of horizontal lines at `ys` (screen y, px, growing down; any order) go so that
// no two are closer than `gap` and none is above `top`: each as near its own line as it can be.
// Pushed up from the lowest line, then down from `top` if the stack passes it. Keeps the lines'
// order; one y per line, in the order given. Every line gets its label.
std::vector<float> spread_labels(const std::vector<float>& ys, float gap, float top);

}  // namespace ccap
