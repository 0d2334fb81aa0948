#pragma once

#include <QString>

class QLabel;

namespace mhero::ui {

/// The large bold title every page starts with.
QLabel* pageTitle(const QString& text);
/// A muted line under a title or table, word-wrapped.
QLabel* mutedLabel(const QString& text = {});

} // namespace mhero::ui
