#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace mhero {

/// An error as the user and the log see it: a stable code (an SQLSTATE for database errors, or a
/// short mhero code such as "schema-newer"), a translated one-line message, and optional detail.
struct Error
{
    QString code;
    QString message;
    QString detail;

    [[nodiscard]] QString toString() const
    {
        if (detail.isEmpty())
            return code.isEmpty() ? message : message + QLatin1String(" [") + code + QLatin1Char(']');
        return message + QLatin1String(" [") + code + QLatin1String("]: ") + detail;
    }
    bool operator==(const Error&) const = default;
};

/// `expected`-style result (C++20 has no std::expected): either a value or an Error.
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    { }

    [[nodiscard]] bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_data); }
    const T& value() const& { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    [[nodiscard]] const Error& error() const { return std::get<1>(m_data); }

    template<typename U> [[nodiscard]] T valueOr(U&& fallback) const
    {
        return ok() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

private:
    std::variant<T, Error> m_data;
};

/// A Result with no value: success or an Error.
template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { }

    [[nodiscard]] bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace mhero
