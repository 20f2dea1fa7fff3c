#include "PrintedPage.h"

#include <QPainter>

#include <qrencode.h>

#include <memory>

namespace tamga::ui::paper {

QFont font(const Page& page, double pointSize, bool bold)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(static_cast<int>(pointSize * 0.3528 * page.pxPerMm));
    f.setBold(bold);
    return f;
}

void paintQrCode(QPainter& painter, const QRectF& area, const QString& text)
{
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(text.toUtf8().constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
    if (!code)
        return;
    const int width = code->width;
    const double cell = area.width() / (width + 8); // a quiet zone of four modules on each side
    painter.fillRect(area, Qt::white);
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width; ++x) {
            if (code->data[y * width + x] & 1)
                painter.fillRect(QRectF(area.left() + (x + 4) * cell, area.top() + (y + 4) * cell, cell, cell),
                                 Qt::black);
        }
    }
}

QString groupedFingerprint(const QString& hex)
{
    QString grouped;
    for (int i = 0; i < hex.size(); i += 4) {
        if (i == 32)
            grouped += QLatin1Char('\n');
        else if (i > 0)
            grouped += QLatin1Char(' ');
        grouped += hex.mid(i, 4).toUpper();
    }
    return grouped;
}

} // namespace tamga::ui::paper
