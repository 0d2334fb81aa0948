#pragma once

#include <QString>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QTableView;

namespace mhero::ui {

/// The large bold title every page starts with.
QLabel* pageTitle(const QString& text);
/// A muted line under a title or table, word-wrapped.
QLabel* mutedLabel(const QString& text = {});
/// The search box at the top of a list page.
QLineEdit* searchField(const QString& objectName, const QString& placeholder);
/// A read-only list of records: whole rows selected one at a time, alternating colours, no row
/// numbers, no wrapping.
QTableView* recordTable(const QString& objectName, QAbstractItemModel* model);

} // namespace mhero::ui
