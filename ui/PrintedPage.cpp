#include "PrintedPage.h"

#include <QPainter>

#include <qrencode.h>

#include <algorithm>
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

double paintRows(QPainter& painter, const Page& page, double left, double top, double labelWidth, double valueWidth,
                 const std::vector<std::pair<QString, QString>>& rows)
{
    double y = top;
    for (const auto& [label, value] : rows) {
        QFont valueFont = font(page, 9.5, true);
        // The fingerprint (two short lines of hex groups); a long statement keeps the proportional font.
        if (value.contains(QLatin1Char('\n')) && value.size() < 100) {
            valueFont.setFamily(QStringLiteral("DejaVu Sans Mono"));
            valueFont.setPixelSize(static_cast<int>(8.5 * 0.3528 * page.pxPerMm));
        }
        painter.setFont(valueFont);
        const QRectF valueRect(left + labelWidth, y + page.mm(1), valueWidth, page.mm(60));
        const QRectF needed = painter.boundingRect(valueRect, Qt::TextWordWrap, value);
        const double height = std::max(page.mm(10), needed.height() + page.mm(2));
        painter.setPen(Qt::black);
        painter.drawText(valueRect, Qt::TextWordWrap, value);
        painter.setFont(font(page, 7.5));
        painter.setPen(QColor(70, 70, 70));
        painter.drawText(QRectF(left, y + page.mm(1), labelWidth - page.mm(2), height), Qt::TextWordWrap, label);
        y += height;
        painter.setPen(QPen(QColor(190, 190, 190), page.mm(0.2)));
        painter.drawLine(QPointF(left, y), QPointF(left + labelWidth + valueWidth, y));
    }
    return y;
}

} // namespace tamga::ui::paper
