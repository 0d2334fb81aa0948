#include "common/Icons.h"

#include <QFile>
#include <QHash>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

namespace mhero::ui {

namespace {
QPixmap render(const QByteArray& svg, int size)
{
    QSvgRenderer renderer(svg);
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    renderer.render(&painter);
    return pixmap;
}
} // namespace

QIcon icon(const QString& name)
{
    static QHash<QString, QIcon> cache;
    if (const auto found = cache.constFind(name); found != cache.cend())
        return *found;
    const QString path = QStringLiteral(":/icons/%1.svg").arg(name);
    QIcon result(path);
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        QByteArray white = file.readAll();
        white.replace("#37474F", "#FFFFFF");
        for (int size : {16, 20, 22, 24, 32, 48})
            result.addPixmap(render(white, size), QIcon::Selected);
    }
    cache.insert(name, result);
    return result;
}

} // namespace mhero::ui
