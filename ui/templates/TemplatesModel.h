#pragma once

#include "templates/TemplateStore.h"

#include <QAbstractTableModel>
#include <QStyledItemDelegate>

namespace mhero::ui {

/// The template list: one row per template, loaded whole (a ministry library has hundreds of
/// templates, not millions).
class TemplatesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplatesModel)

public:
    enum Column { NameColumn, CategoryColumn, StatusColumn, LanguagesColumn, ChangedColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, LanguagesRole, StatusKeyRole };

    explicit TemplatesModel(QObject* parent = nullptr);
    void setTemplates(const QList<templates::TemplateSummary>& list);
    [[nodiscard]] const templates::TemplateSummary& at(int row) const { return m_rows.at(row); }
    [[nodiscard]] int rowOf(qint64 id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<templates::TemplateSummary> m_rows;
};

/// Paints the language coverage as chips: filled for a language with a body, outlined if not.
class LanguageChipsDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageChipsDelegate)

public:
    LanguageChipsDelegate(QStringList languages, QObject* parent = nullptr);
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    QStringList m_languages;
};

} // namespace mhero::ui
