// What the printed documents of the desk (the handover receipt, the revocation application) share: millimetres on
// the device, the fonts that carry Mongolian Cyrillic, the QR code of a fingerprint, the fingerprint in groups.
#pragma once

#include <QFont>
#include <QRectF>
#include <QString>

#include <utility>
#include <vector>

class QPainter;

namespace tamga::ui::paper {

// Millimetres to device pixels.
struct Page {
    double pxPerMm;
    double mm(double value) const { return value * pxPerMm; }
};

// DejaVu Sans at `pointSize` on the device (point sizes are relative to 72 dpi).
QFont font(const Page& page, double pointSize, bool bold = false);
// `text` as a QR code filling `area` (libqrencode, error correction M, a quiet zone of four modules).
void paintQrCode(QPainter& painter, const QRectF& area, const QString& text);
// A SHA-256 fingerprint in groups of four hex digits, upper case, on two lines.
QString groupedFingerprint(const QString& hex);

// Rows of a bilingual label (small, grey) and its value (bold; a fingerprint in fixed width, so that its groups
// line up), each as tall as its value needs, a thin rule beneath. Starts at `top`; returns where the rows end.
double paintRows(QPainter& painter, const Page& page, double left, double top, double labelWidth, double valueWidth,
                 const std::vector<std::pair<QString, QString>>& rows);

} // namespace tamga::ui::paper
