// Nothing to compile: this file gives CMake a target whose precompiled header (GoogleTest,
// GoogleMock, nlohmann/json and the standard headers every test uses) the test binaries reuse
// (canje_test in the top CMakeLists.txt). See docs/building.md, "Build time".
