#include "common/PageHeader.h"

#include <QLabel>

namespace mhero::ui {

QLabel* pageTitle(const QString& text)
{
    auto* title = new QLabel(text);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    title->setFont(font);
    return title;
}

QLabel* mutedLabel(const QString& text)
{
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #546E7A;"));
    return label;
}

} // namespace mhero::ui
