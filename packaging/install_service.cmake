# Installs the systemd unit and the service's configuration file, with the paths of this
# installation (run at install time, so that `cmake --install --prefix` and CPack get their own
# prefix): prefix /usr puts the configuration in /etc, any other prefix in PREFIX/etc.
# Inputs: CANJE_PACKAGING_DIR, CANJE_STAGING_DIR (a folder of the build tree).
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(sysconfdir "/etc")
else()
  set(sysconfdir "${CMAKE_INSTALL_PREFIX}/etc")
endif()
set(CANJE_BINARY "${CMAKE_INSTALL_PREFIX}/bin/canje")
set(CANJE_CONFIG_FILE "${sysconfdir}/canje/serve.conf")
set(CANJE_KEY_FILE "${sysconfdir}/canje/private/master.key")
configure_file("${CANJE_PACKAGING_DIR}/canje-serve.service.in"
               "${CANJE_STAGING_DIR}/canje-serve.service" @ONLY)
configure_file("${CANJE_PACKAGING_DIR}/serve.conf.in" "${CANJE_STAGING_DIR}/serve.conf" @ONLY)
file(INSTALL "${CANJE_STAGING_DIR}/canje-serve.service"
     DESTINATION "${CMAKE_INSTALL_PREFIX}/lib/systemd/system" PERMISSIONS OWNER_READ OWNER_WRITE
     GROUP_READ WORLD_READ)
file(INSTALL "${CANJE_STAGING_DIR}/serve.conf" DESTINATION "${sysconfdir}/canje"
     PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
