# The Windows installer: NSIS through CPack, for a build with a Windows Qt 6 (MSVC or MinGW), OpenSSL 3, libp11
# and SQLite found by CMake. NOT BUILT OR TESTED by this project yet (README, "Packages"): Tamga's code still has
# POSIX-only parts (the no-echo PIN prompt of tamga-cli, fsync and file locks, the worker processes, loading a
# PKCS#11 module with dlopen, the HTTP client's sockets) that a Windows port must replace first.
#
# Included by installer/CMakeLists.txt when WIN32; `cpack -G NSIS` in the build folder then makes
# Tamga-<version>-win64.exe.

# Qt's own deployment (windeployqt underneath): the Qt DLLs, the platform, SQL-driver and print-support plugins
# the programs load, next to tamga.exe.
qt_generate_deploy_app_script(TARGET tamga OUTPUT_SCRIPT tamga_deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT ${tamga_deploy_script})
# OpenSSL's, libp11's and libqrencode's DLLs, which windeployqt does not know about: those the programs import,
# looked for in the folders named by TAMGA_WINDOWS_DLL_DIRS (where the build's OpenSSL, libp11 and libqrencode keep
# their DLLs, e.g. vcpkg's installed/x64-windows/bin).
set(TAMGA_WINDOWS_DLL_DIRS "" CACHE PATH "Folders holding the DLLs of OpenSSL, libp11 and libqrencode")
install(CODE "set(tamga_dll_dirs \"${TAMGA_WINDOWS_DLL_DIRS}\")")
install(CODE [[
    file(GET_RUNTIME_DEPENDENCIES
        EXECUTABLES "${CMAKE_INSTALL_PREFIX}/bin/tamga.exe" "${CMAKE_INSTALL_PREFIX}/bin/tamga-cli.exe"
        DIRECTORIES ${tamga_dll_dirs}
        RESOLVED_DEPENDENCIES_VAR tamga_dlls
        PRE_EXCLUDE_REGEXES "api-ms-.*" "ext-ms-.*" "Qt6.*"
        POST_EXCLUDE_REGEXES ".*[/\\\\][Ww][Ii][Nn][Dd][Oo][Ww][Ss][/\\\\].*")
    file(INSTALL ${tamga_dlls} DESTINATION "${CMAKE_INSTALL_PREFIX}/bin")
]])

# The icon of the installer and of the Start menu entry, drawn like the Linux ones (icons/DrawIcon.cpp writes an
# .ico through Qt's ICO image plugin).
set(tamga_ico ${CMAKE_CURRENT_BINARY_DIR}/icons/tamga.ico)
add_custom_command(OUTPUT ${tamga_ico} COMMAND tamga-draw-icon 256 ${tamga_ico} DEPENDS tamga-draw-icon VERBATIM)
add_custom_target(tamga-windows-icon ALL DEPENDS ${tamga_ico})

set(CPACK_GENERATOR NSIS)
set(CPACK_NSIS_PACKAGE_NAME "Tamga")
set(CPACK_NSIS_DISPLAY_NAME "Tamga ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON ${tamga_ico})
set(CPACK_NSIS_MUI_UNIICON ${tamga_ico})
set(CPACK_NSIS_INSTALLED_ICON_NAME bin\\\\tamga.exe)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH ON) # tamga-cli from any command prompt
set(CPACK_NSIS_MENU_LINKS "bin/tamga.exe" "Tamga")
# The training desk gets its own Start menu entry (a link with an argument, which MENU_LINKS cannot make).
set(CPACK_NSIS_CREATE_ICONS_EXTRA
    "CreateShortCut '$SMPROGRAMS\\$STARTMENU_FOLDER\\Tamga (training).lnk' '$INSTDIR\\bin\\tamga.exe' '--training'")
set(CPACK_NSIS_DELETE_ICONS_EXTRA "Delete '$SMPROGRAMS\\$START_MENU\\Tamga (training).lnk'")
# Windows keeps the desk's data where Qt's QStandardPaths says (%LOCALAPPDATA%\tamga): the uninstaller removes
# the programs only, never a registry.
# The PKCS#11 module for real tokens is OpenSC's for Windows (opensc-pkcs11.dll), installed on its own.
