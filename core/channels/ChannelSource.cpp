#include "channels/ChannelSource.h"

#include <QCryptographicHash>

namespace mhero::channels {

QByteArray fingerprintOf(const QStringList& fields)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString& field : fields) {
        const QByteArray bytes = field.toUtf8();
        hash.addData(QByteArray(QByteArray::number(bytes.size()) + ':' + bytes));
    }
    return hash.result();
}

} // namespace mhero::channels
