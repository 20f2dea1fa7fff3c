// Lays the handover receipt out on A4, two copies (one for the officer, one for the file), bilingual
// (Mongolian first, English beneath), with a QR code of the certificate's SHA-256 fingerprint. The same painting
// serves the PDF file, the print preview and the printer.
#pragma once

#include "tamga/core/Receipt.h"

#include <QString>

class QPagedPaintDevice;
class QPainter;

namespace tamga::ui {

// Paints both copies onto `device` (a QPdfWriter or a QPrinter), starting a new page for the second.
void paintReceipt(QPagedPaintDevice& device, QPainter& painter, const core::ReceiptData& receipt);

// Writes the receipt as a PDF file. Returns an empty string, or what went wrong.
QString writeReceiptPdf(const core::ReceiptData& receipt, const QString& path);

} // namespace tamga::ui
