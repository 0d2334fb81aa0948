# The layering rules of docs/architecture.md, checked on every run of the suite
# (cmake -DROOT=<source dir> -P check_layout.cmake; ctest runs it as "structure.layout"):
#
#  1. A channel's or source's wire types stay in its adapter folder: outside
#     core/channels/<platform>/ and core/sources/<adapter>/ nothing includes their headers, except
#     each folder's front doors — <Platform>Channel.h (the registry's entry) and <Platform>Source.h
#     (the source's configuration, which mhero-admin writes). Tests of an adapter may include it.
#  2. ui/ holds no SQL: no db/Sql.h, no QSqlQuery, no sql:: call, no SQL statement in a literal.
#     Pages call core functions inside Database::run.
#  3. ui/ and core/ never include engine/ (the console reaches the engine only through
#     session/LocalEngine.h, handed over by mhero-console's main()).
cmake_minimum_required(VERSION 3.21)
if(NOT ROOT)
    message(FATAL_ERROR "usage: cmake -DROOT=<source dir> -P check_layout.cmake")
endif()

set(problems "")
file(GLOB_RECURSE sources RELATIVE "${ROOT}"
    "${ROOT}/core/*.h" "${ROOT}/core/*.cpp" "${ROOT}/ui/*.h" "${ROOT}/ui/*.cpp"
    "${ROOT}/engine/*.h" "${ROOT}/engine/*.cpp" "${ROOT}/app/*.cpp" "${ROOT}/bench/*.h" "${ROOT}/bench/*.cpp")

# Adapter folders: every folder directly below core/channels/ and core/sources/.
set(adapters "")
foreach(parent core/channels core/sources)
    file(GLOB children LIST_DIRECTORIES true RELATIVE "${ROOT}" "${ROOT}/${parent}/*")
    foreach(child IN LISTS children)
        if(IS_DIRECTORY "${ROOT}/${child}")
            list(APPEND adapters "${child}")
        endif()
    endforeach()
endforeach()

foreach(file IN LISTS sources)
    file(STRINGS "${ROOT}/${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
    foreach(line IN LISTS includes)
        string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\".*" "\\1" header "${line}")
        # 1. wire types
        foreach(adapter IN LISTS adapters)
            string(REGEX REPLACE "^core/" "" adapterInclude "${adapter}")
            if(header MATCHES "^${adapterInclude}/" AND NOT file MATCHES "^${adapter}/")
                get_filename_component(name "${header}" NAME_WE)
                if(NOT name MATCHES "(Channel|Source)$")
                    string(APPEND problems "  ${file}: includes ${header}, a wire type of ${adapter}/\n")
                endif()
            endif()
        endforeach()
        # 3. the engine wing
        if(header MATCHES "^engine/" AND file MATCHES "^(ui|core)/")
            string(APPEND problems "  ${file}: includes ${header}; only app/ and engine/ may (ui: session/LocalEngine.h)\n")
        endif()
    endforeach()
    # 2. SQL in ui/
    if(file MATCHES "^ui/")
        file(STRINGS "${ROOT}/${file}" lines)
        set(number 0)
        foreach(line IN LISTS lines)
            math(EXPR number "${number} + 1")
            if(line MATCHES "#[ \t]*include[ \t]*\"db/Sql\\.h\"" OR line MATCHES "QSqlQuery" OR line MATCHES "[^A-Za-z_]sql::"
               OR line MATCHES "\"[ \t]*(SELECT|INSERT[ \t]+INTO|UPDATE[ \t]+mhero|DELETE[ \t]+FROM|WITH[ \t]+[a-z_]+[ \t]+AS)[ \t]")
                string(APPEND problems "  ${file}:${number}: SQL in ui/ (move it into a core function): ${line}\n")
            endif()
        endforeach()
    endif()
endforeach()

if(problems)
    message(FATAL_ERROR "Layering rules broken (docs/architecture.md):\n${problems}")
endif()
list(LENGTH sources count)
list(LENGTH adapters adapterCount)
message(STATUS "layout: ${count} files follow the rules (${adapterCount} adapter folders)")
