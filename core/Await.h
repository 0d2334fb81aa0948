#pragma once

#include "Result.h"

#include <QEventLoop>

#include <functional>
#include <optional>

namespace mhero {

/// Runs an asynchronous job to its end in a local event loop and returns its result: for the
/// command line and tests, which have nothing else to do meanwhile. Never on the GUI thread.
/// @p start receives the callback to call once (it may call it before returning).
template<typename T> Result<T> await(const std::function<void(std::function<void(Result<T>)>)>& start)
{
    QEventLoop loop;
    std::optional<Result<T>> result;
    start([&](Result<T> r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

} // namespace mhero
