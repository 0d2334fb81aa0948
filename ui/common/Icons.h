#pragma once

#include <QIcon>
#include <QString>

namespace mhero::ui {

/// An icon of resources/icons by name ("home"), with a white variant for the Selected mode so
/// that it stays visible on the sidebar's green selection.
QIcon icon(const QString& name);

} // namespace mhero::ui
