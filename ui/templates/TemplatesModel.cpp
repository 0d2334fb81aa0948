#include "templates/TemplatesModel.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

namespace mhero::ui {

TemplatesModel::TemplatesModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void TemplatesModel::setTemplates(const QList<templates::TemplateSummary>& list)
{
    beginResetModel();
    m_rows = list;
    endResetModel();
}

int TemplatesModel::rowOf(qint64 id) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows.at(r).id == id)
            return r;
    return -1;
}

int TemplatesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TemplatesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TemplatesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const templates::TemplateSummary& t = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return t.id;
    case LanguagesRole:
        return t.languages;
    case StatusKeyRole:
        return t.status;
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && t.hasApproved && t.status != QLatin1String("approved"))
            return tr("An earlier approved version is in use.");
        if (index.column() == ChangedColumn) // the list shows the date; the time is here
            return QLocale().toString(t.lastChange.toLocalTime(), QLocale::LongFormat);
        if (index.column() == NameColumn)
            return t.name;
        return t.tags.isEmpty() ? QVariant() : QVariant(tr("Tags: %1").arg(t.tags.join(QStringLiteral(", "))));
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn) {
            if (t.status == QLatin1String("approved"))
                return QColor(0x0B, 0x6E, 0x4F);
            if (t.status == QLatin1String("submitted"))
                return QColor(0x8D, 0x6E, 0x00);
            if (t.status == QLatin1String("rejected"))
                return QColor(0xB0, 0x2A, 0x37);
            if (t.status == QLatin1String("retired"))
                return QColor(0x78, 0x90, 0x9C);
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return t.name;
        case CategoryColumn:
            return templates::categoryLabel(t.category);
        case StatusColumn:
            return t.hasApproved && t.status != QLatin1String("approved") && t.status != QLatin1String("retired")
                       ? tr("%1 (approved in use)").arg(templates::statusLabel(t.status))
                       : templates::statusLabel(t.status);
        case LanguagesColumn:
            return t.languages.join(QLatin1Char(' '));
        case ChangedColumn:
            // The date in the list; the time in the tooltip.
            return QLocale().toString(t.lastChange.toLocalTime().date(), QLocale::ShortFormat);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant TemplatesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case CategoryColumn:
        return tr("Category");
    case StatusColumn:
        return tr("Status");
    case LanguagesColumn:
        return tr("Languages");
    case ChangedColumn:
        return tr("Last change");
    default:
        return {};
    }
}

LanguageChipsDelegate::LanguageChipsDelegate(QStringList languages, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_languages(std::move(languages))
{ }

void LanguageChipsDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &background, painter);

    const QStringList present = index.data(TemplatesModel::LanguagesRole).toStringList();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.85);
    font.setBold(true);
    painter->setFont(font);
    const int h = option.fontMetrics.height();
    const int w = QFontMetrics(font).horizontalAdvance(QStringLiteral("WW")) + 10;
    int x = option.rect.left() + 4;
    const int y = option.rect.center().y() - h / 2;
    for (const QString& language : m_languages) {
        const QRect chip(x, y, w, h);
        const bool has = present.contains(language);
        painter->setPen(has ? QColor(0x0B, 0x6E, 0x4F) : QColor(0xB0, 0xBE, 0xC5));
        painter->setBrush(has ? QColor(0xD1, 0xE7, 0xDD) : Qt::transparent);
        painter->drawRoundedRect(chip, h / 2.0, h / 2.0);
        painter->setPen(has ? QColor(0x0F, 0x51, 0x32) : QColor(0x90, 0xA4, 0xAE));
        painter->drawText(chip, Qt::AlignCenter, language.toUpper());
        x += w + 4;
    }
    painter->restore();
}

QSize LanguageChipsDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(int(m_languages.size()) * (option.fontMetrics.horizontalAdvance(QStringLiteral("WW")) + 14) + 8);
    return size;
}

} // namespace mhero::ui
