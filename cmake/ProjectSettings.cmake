# One INTERFACE target carries the language standard, the warnings and the strict Qt defines, so
# every library, program, test and benchmark is compiled the same way (qBittorrent's CommonConfig).
add_library(mhero_settings INTERFACE)
target_compile_features(mhero_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(mhero_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_KEYWORDS
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(mhero_settings INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local
        -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)
    if(MHERO_WERROR)
        target_compile_options(mhero_settings INTERFACE -Werror)
    endif()
elseif(MSVC)
    target_compile_options(mhero_settings INTERFACE /W4 /permissive- /utf-8)
    if(MHERO_WERROR)
        target_compile_options(mhero_settings INTERFACE /WX)
    endif()
endif()
