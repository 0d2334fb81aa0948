# mhero_add_test(NAME name SOURCES … [LIBRARIES …] LABELS unit|integration|gui)
# One Qt Test executable per unit, registered with CTest, offscreen, with its label. Integration
# and GUI tests share the temporary PostgreSQL cluster of the run (fixture "pg").
set(MHERO_TEST_CLUSTER_INFO "${CMAKE_BINARY_DIR}/tests/test-cluster.path")

function(mhero_add_test)
    cmake_parse_arguments(arg "" "NAME;TIMEOUT" "SOURCES;LIBRARIES;LABELS" ${ARGN})
    add_executable(${arg_NAME} ${arg_SOURCES})
    target_link_libraries(${arg_NAME} PRIVATE mhero_settings Qt6::Test ${arg_LIBRARIES})
    add_test(NAME ${arg_NAME} COMMAND ${arg_NAME})
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 240)
    endif()
    set_tests_properties(${arg_NAME} PROPERTIES
        LABELS "${arg_LABELS}"
        TIMEOUT ${arg_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;MHERO_TEST_CLUSTER_INFO=${MHERO_TEST_CLUSTER_INFO};QT_LOGGING_RULES=mhero.*.debug=false")
    if(arg_LABELS MATCHES "integration|gui")
        set_tests_properties(${arg_NAME} PROPERTIES FIXTURES_REQUIRED pg)
    endif()
endfunction()
