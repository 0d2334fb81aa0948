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
    // Built from pixmaps rather than QIcon(path): the SVG icon engine ignores pixmaps added for
    // the Selected mode at some sizes and falls back to a tinted grey, unreadable on the accent colour.
    QIcon result;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray normal = file.readAll();
        QByteArray white = normal;
        white.replace("#37474F", "#FFFFFF");
        for (int size : {16, 20, 22, 24, 32, 40, 48, 64}) {
            result.addPixmap(render(normal, size), QIcon::Normal);
            result.addPixmap(render(white, size), QIcon::Selected);
        }
    }
    cache.insert(name, result);
    return result;
}

} // namespace mhero::ui
