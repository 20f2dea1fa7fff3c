// The revocation application form (гэрчилгээ хүчингүй болгох өргөдөл) the officer signs: A4, bilingual (Mongolian
// first, English beneath), the certificate's serial and SHA-256 fingerprint with its QR code, the reason in plain
// words, the officer's statement, and lines for the officer, the operator who took it and the supervisor who
// approves it. Kept like receipts: its SHA-256 is recorded with the application.
#pragma once

#include "tamga/core/Receipt.h"
#include "tamga/core/Revocations.h"

#include <QByteArray>
#include <QString>

class QPagedPaintDevice;
class QPainter;

namespace tamga::ui {

// The reason in plain words, Mongolian and English: "Түлхүүр задарсан · Key compromise".
QString revocationReasonWords(const QString& reason);

// Paints the form on one A4 page of `device` (a PDF writer, or the printer of a print preview).
void paintRevocationForm(QPagedPaintDevice& device, QPainter& painter, const core::RevocationApplication& application,
                         const core::ReceiptData& certificate);

// Lays the form out as a PDF in memory. `certificate` is the enrollment's receipt data (who, which token, which
// certificate). Empty on failure.
QByteArray revocationFormPdf(const core::RevocationApplication& application, const core::ReceiptData& certificate);

} // namespace tamga::ui
