#include "RevocationForm.h"

#include "PrintedPage.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>

#include <utility>

namespace tamga::ui {

using paper::font;
using paper::groupedFingerprint;
using paper::Page;
using paper::paintQrCode;

// The same words as the desk shows (DisplayNames: revocationReasonDisplayName), both languages at once.
QString revocationReasonWords(const QString& reason)
{
    static const std::pair<const char*, const char*> kWords[] = {
        {"keyCompromise", "Түлхүүр задарсан буюу токен алдагдсан · Key compromised or token lost"},
        {"affiliationChanged", "Ажлын байр, байгууллага өөрчлөгдсөн · Left the post or the organization"},
        {"superseded", "Шинэ гэрчилгээгээр солигдсон · Replaced by a new certificate"},
        {"cessationOfOperation", "Үйл ажиллагаа зогссон · The organization ceased to operate"},
        {"privilegeWithdrawn", "Эрх хасагдсан · Signing right withdrawn"},
        {"certificateHold", "Түр зогсоосон · Suspended for now"},
        {"unspecified", "Шалтгаан заагаагүй · No reason given"},
    };
    for (const auto& [name, words] : kWords) {
        if (reason == QLatin1String(name))
            return QString::fromUtf8(words);
    }
    return reason;
}

void paintRevocationForm(QPagedPaintDevice& device, QPainter& painter, const core::RevocationApplication& a,
                         const core::ReceiptData& r)
{
    const Page page{device.logicalDpiX() / 25.4};
    const QRectF sheet(0, 0, device.width(), device.height());
    const double left = sheet.left() + page.mm(20);
    const double right = sheet.right() - page.mm(20);
    const double width = right - left;
    double y = sheet.top() + page.mm(18);
    if (r.training) {
        painter.setPen(QColor(200, 30, 30));
        painter.setFont(font(page, 9, true));
        painter.drawText(QRectF(left, sheet.top() + page.mm(10), width, page.mm(6)), Qt::AlignHCenter,
                         QStringLiteral("СУРГАЛТЫН ЖИШЭЭ — ХҮЧИНГҮЙ · TRAINING ONLY — NOT VALID"));
    }
    painter.setPen(Qt::black);
    painter.setFont(font(page, 14, true));
    painter.drawText(QRectF(left, y, width, page.mm(8)), Qt::AlignHCenter,
                     QStringLiteral("ГЭРЧИЛГЭЭ ХҮЧИНГҮЙ БОЛГОХ ӨРГӨДӨЛ"));
    y += page.mm(8);
    painter.setFont(font(page, 10));
    painter.drawText(QRectF(left, y, width, page.mm(6)), Qt::AlignHCenter,
                     QStringLiteral("Application to revoke a digital-signature certificate · #%1").arg(a.id));
    y += page.mm(12);

    const std::vector<std::pair<QString, QString>> rows = {
        {QStringLiteral("Байгууллага\nOrganization"), r.organization},
        {QStringLiteral("Албан тушаал\nPosition"), r.position},
        {QStringLiteral("Овог, нэр\nFull name"), r.officerName},
        {QStringLiteral("Регистрийн дугаар\nCivil ID"), r.civilId},
        {QStringLiteral("Э-токены дугаар\nToken serial"), r.tokenSerial},
        {QStringLiteral("Гэрчилгээний дугаар\nCertificate serial"), a.certificateSerialHex.toUpper()},
        {QStringLiteral("SHA-256 хээ\nSHA-256 fingerprint"), groupedFingerprint(a.certificateFingerprint)},
        {QStringLiteral("Хүчинтэй хугацаа\nValidity"),
         core::deskDate(r.validFrom) + QStringLiteral(" — ") + core::deskDate(r.validUntil)},
        {QStringLiteral("Гэрчилгээ олгогч\nIssuing CA"), r.issuer},
        {QStringLiteral("Шалтгаан\nReason"), revocationReasonWords(a.reason)},
        {QStringLiteral("Тохиолдсон огноо\nDate of the event"), core::deskDate(a.eventDate)},
        {QStringLiteral("Тайлбар\nStatement"), a.statement},
        {QStringLiteral("Хүлээн авсан ажилтан\nTaken by"), a.takenBy},
        {QStringLiteral("Хүлээн авсан огноо\nTaken on"), core::deskDate(a.requestedAt)},
    };
    const double qrSize = page.mm(34);
    const double labelWidth = page.mm(44);
    const double valueWidth = width - labelWidth - qrSize - page.mm(4);
    const double rowTop = y;
    y = paper::paintRows(painter, page, left, y, labelWidth, valueWidth, rows);
    paintQrCode(painter, QRectF(right - qrSize, rowTop, qrSize, qrSize), a.certificateFingerprint);

    y += page.mm(6);
    painter.setPen(Qt::black);
    painter.setFont(font(page, 9.5));
    const QString request = QStringLiteral("Дээрх гэрчилгээг хүчингүй болгохыг хүсье. Мэдээлэл үнэн зөв болохыг баталж "
                                           "байна.\nI ask for the certificate above to be revoked, and confirm that "
                                           "what is written here is true.");
    const QRectF requestRect(left, y, width, page.mm(24));
    painter.drawText(requestRect, Qt::TextWordWrap, request);
    y += painter.boundingRect(requestRect, Qt::TextWordWrap, request).height() + page.mm(16);

    // The officer, the operator who took it, and the supervisor who approves it (the two-person rule).
    const std::pair<QString, QString> signatures[] = {
        {QStringLiteral("Өргөдөл гаргагч · Applicant"), r.officerName},
        {QStringLiteral("Хүлээн авсан · Taken by"), a.takenBy},
        {QStringLiteral("Зөвшөөрсөн · Approved by"), a.approvedBy},
    };
    const double column = (width - page.mm(16)) / 3;
    for (int i = 0; i < 3; ++i) {
        const double x = left + i * (column + page.mm(8));
        painter.setPen(QPen(Qt::black, page.mm(0.3)));
        painter.drawLine(QPointF(x, y), QPointF(x + column, y));
        painter.setFont(font(page, 8));
        painter.drawText(QRectF(x, y + page.mm(1), column, page.mm(5)), Qt::AlignLeft, signatures[i].first);
        painter.setFont(font(page, 9, true));
        painter.drawText(QRectF(x, y + page.mm(6), column, page.mm(6)), Qt::AlignLeft, signatures[i].second);
    }
    painter.setFont(font(page, 7));
    painter.setPen(QColor(110, 110, 110));
    painter.drawText(
        QRectF(left, sheet.bottom() - page.mm(15), width, page.mm(6)), Qt::AlignLeft,
        QStringLiteral("Tamga · өргөдөл / application #%1 · бүртгэл / enrollment #%2").arg(a.id).arg(a.enrollmentId));
}

QByteArray revocationFormPdf(const core::RevocationApplication& application, const core::ReceiptData& certificate)
{
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    QPdfWriter writer(&pdf);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(300);
    writer.setTitle(QStringLiteral("Гэрчилгээ хүчингүй болгох өргөдөл #%1").arg(application.id));
    writer.setCreator(QStringLiteral("Tamga"));
    QPainter painter;
    if (!painter.begin(&writer))
        return {};
    paintRevocationForm(writer, painter, application, certificate);
    painter.end();
    return pdf.data();
}

} // namespace tamga::ui
