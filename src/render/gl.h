#pragma once
// The one place that includes the OpenGL ES 3.0 API (WebGL2 in the browser, GLES3 on Mesa).
#include <GLES3/gl3.h>
