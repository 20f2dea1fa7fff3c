#include "ReceiptRenderer.h"

#include "PrintedPage.h"

#include "tamga/core/Files.h"

#include <QBuffer>
#include <QFont>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>

namespace tamga::ui {

namespace {

using paper::font;
using paper::groupedFingerprint;
using paper::Page;
using paper::paintQrCode;

void paintCopy(QPainter& painter, const Page& page, const QRectF& sheet, const core::ReceiptData& r, int copy)
{
    const double left = sheet.left() + page.mm(20);
    const double right = sheet.right() - page.mm(20);
    const double width = right - left;
    // A training receipt gets its own line under the copy label, and everything below moves down to make room.
    double y = sheet.top() + page.mm(r.training ? 22 : 18);

    if (r.training) {
        painter.save();
        painter.setPen(QColor(200, 30, 30, 60));
        painter.setFont(font(page, 46, true));
        painter.translate(sheet.center());
        painter.rotate(-35);
        painter.drawText(QRectF(-page.mm(150), -page.mm(20), page.mm(300), page.mm(40)), Qt::AlignCenter,
                         QStringLiteral("СУРГАЛТ · TRAINING"));
        painter.restore();
        painter.setPen(QColor(200, 30, 30));
        painter.setFont(font(page, 9, true));
        painter.drawText(QRectF(left, sheet.top() + page.mm(13), width, page.mm(6)), Qt::AlignHCenter,
                         QStringLiteral("СУРГАЛТЫН ЖИШЭЭ — ХҮЧИНГҮЙ · TRAINING ONLY — NOT VALID"));
    }
    painter.setPen(Qt::black);
    painter.setFont(font(page, 8));
    painter.drawText(QRectF(left, sheet.top() + page.mm(8), width, page.mm(6)), Qt::AlignRight,
                     copy == 1 ? QStringLiteral("1-р хувь: эзэмшигчид · Copy 1: for the officer")
                               : QStringLiteral("2-р хувь: хадгалалтад · Copy 2: for the file"));

    painter.setFont(font(page, 15, true));
    painter.drawText(QRectF(left, y, width, page.mm(8)), Qt::AlignHCenter,
                     QStringLiteral("ХҮЛЭЭЛГЭН ӨГӨХ, ХҮЛЭЭН АВАХ АКТ"));
    y += page.mm(8);
    painter.setFont(font(page, 10));
    painter.drawText(QRectF(left, y, width, page.mm(6)), Qt::AlignHCenter,
                     QStringLiteral("Handover and acceptance receipt"));
    y += page.mm(7);
    painter.setFont(font(page, 9));
    painter.drawText(QRectF(left, y, width, page.mm(10)), Qt::AlignHCenter | Qt::TextWordWrap,
                     QStringLiteral("Тоон гарын үсгийн гэрчилгээ бүхий э-токен\n"
                                    "E-token carrying a digital-signature certificate"));
    y += page.mm(14);

    std::vector<std::pair<QString, QString>> rows = {
        {QStringLiteral("Байгууллага\nOrganization"), r.organization},
        {QStringLiteral("Албан тушаал\nPosition"), r.position},
        {QStringLiteral("Овог, нэр\nFull name"), r.officerName},
        {QStringLiteral("Регистрийн дугаар\nCivil ID"), r.civilId},
        {QStringLiteral("Э-токены загвар\nToken model"), r.tokenModel},
        {QStringLiteral("Э-токены дугаар\nToken serial"), r.tokenSerial},
        {QStringLiteral("Гэрчилгээний дугаар\nCertificate serial"), r.certificateSerial.toUpper()},
        {QStringLiteral("SHA-256 хээ\nSHA-256 fingerprint"), groupedFingerprint(r.fingerprintSha256)},
        {QStringLiteral("Хүчинтэй хугацаа\nValidity"),
         core::deskDate(r.validFrom) + QStringLiteral(" — ") + core::deskDate(r.validUntil)},
        {QStringLiteral("Гэрчилгээ олгогч\nIssuing CA"), r.issuer},
        {QStringLiteral("Хүлээлгэн өгсөн ажилтан\nClerk"), r.clerk},
        {QStringLiteral("Огноо, цаг\nDate and time"), core::deskDateTime(r.issuedAt)},
    };
    // The PIN service at the desk since: when, by whom, why (locked, forgotten).
    if (!r.pinServices.isEmpty())
        rows.emplace_back(QStringLiteral("ПИН код шинэчилсэн\nPIN set anew"), r.pinServices.join(QLatin1Char('\n')));
    const double qrSize = page.mm(38);
    const double labelWidth = page.mm(48);
    const double valueWidth = width - labelWidth - qrSize - page.mm(4);
    const double rowTop = y;
    painter.setPen(QPen(QColor(120, 120, 120), page.mm(0.2)));
    y = paper::paintRows(painter, page, left, y, labelWidth, valueWidth, rows);
    paintQrCode(painter, QRectF(right - qrSize, rowTop, qrSize, qrSize), r.fingerprintSha256);
    painter.setPen(QColor(70, 70, 70));
    painter.setFont(font(page, 7));
    painter.drawText(QRectF(right - qrSize, rowTop + qrSize + page.mm(1), qrSize, page.mm(8)),
                     Qt::AlignHCenter | Qt::TextWordWrap, QStringLiteral("SHA-256 хээ\nSHA-256 fingerprint"));

    y += page.mm(8);
    painter.setPen(Qt::black);
    painter.setFont(font(page, 9.5));
    const QString acknowledgement =
        QStringLiteral("Би дээрх э-токеныг бүрэн бүтэн хүлээн авч, ПИН кодоо өөрөө тохируулсан болохыг баталж байна. "
                       "Э-токен болон ПИН кодыг бусдад дамжуулахгүй, гээгдүүлсэн буюу алдсан тохиолдолд "
                       "Бүртгэлийн нэгжид даруй мэдэгдэнэ.");
    const QRectF ackRect(left, y, width, page.mm(30));
    painter.drawText(ackRect, Qt::TextWordWrap, acknowledgement);
    y += painter.boundingRect(ackRect, Qt::TextWordWrap, acknowledgement).height() + page.mm(2);
    painter.setFont(font(page, 8.5));
    painter.setPen(QColor(60, 60, 60));
    const QString english = QStringLiteral(
        "I confirm that I received the e-token above in good order and set its PIN myself. I will not "
        "pass the token or its PIN to anyone, and will report its loss to the registration unit at once.");
    const QRectF englishRect(left, y, width, page.mm(30));
    painter.drawText(englishRect, Qt::TextWordWrap, english);
    y += painter.boundingRect(englishRect, Qt::TextWordWrap, english).height() + page.mm(16);

    // Signature lines.
    painter.setPen(Qt::black);
    const double column = (width - page.mm(10)) / 2;
    const std::pair<QString, QString> signatures[] = {
        {QStringLiteral("Хүлээлгэн өгсөн · Handed over"), r.clerk},
        {QStringLiteral("Хүлээн авсан · Received"), r.officerName},
    };
    for (int i = 0; i < 2; ++i) {
        const double x = left + i * (column + page.mm(10));
        painter.setPen(QPen(Qt::black, page.mm(0.3)));
        painter.drawLine(QPointF(x, y), QPointF(x + column, y));
        painter.setFont(font(page, 8));
        painter.drawText(QRectF(x, y + page.mm(1), column, page.mm(5)), Qt::AlignLeft, signatures[i].first);
        painter.setFont(font(page, 9.5, true));
        painter.drawText(QRectF(x, y + page.mm(6), column, page.mm(6)), Qt::AlignLeft, signatures[i].second);
    }

    painter.setFont(font(page, 7));
    painter.setPen(QColor(110, 110, 110));
    painter.drawText(QRectF(left, sheet.bottom() - page.mm(17), width, page.mm(6)), Qt::AlignLeft,
                     QStringLiteral("Tamga · бүртгэл / enrollment #%1 · акт / receipt %2")
                         .arg(r.enrollmentId)
                         .arg(r.contentHash().left(16)));
    // The audit chain's head as the receipt was made: a witness on paper (tamga-cli audit verify --witness).
    if (!r.auditHead.isEmpty())
        painter.drawText(QRectF(left, sheet.bottom() - page.mm(13), width, page.mm(6)), Qt::AlignLeft,
                         QStringLiteral("аудитын гинж / audit chain %1").arg(r.auditHead));
}

} // namespace

void paintReceipt(QPagedPaintDevice& device, QPainter& painter, const core::ReceiptData& receipt)
{
    const Page page{device.logicalDpiX() / 25.4};
    const QRectF sheet(0, 0, device.width(), device.height());
    // The device's printable area starts inside the paper's margins: place the sheet so text keeps its place.
    paintCopy(painter, page, sheet, receipt, 1);
    device.newPage();
    paintCopy(painter, page, sheet, receipt, 2);
}

QString writeReceiptPdf(const core::ReceiptData& receipt, const QString& path)
{
    // Rendered in memory, then written all at once with mode 0600: a receipt names a person and their civil ID.
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    QPdfWriter writer(&pdf);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(300);
    writer.setTitle(QStringLiteral("Хүлээлгэн өгөх, хүлээн авах акт #%1").arg(receipt.enrollmentId));
    writer.setCreator(QStringLiteral("Tamga"));
    QPainter painter;
    if (!painter.begin(&writer))
        return QStringLiteral("cannot write %1").arg(path);
    paintReceipt(writer, painter, receipt);
    painter.end();
    if (auto written = core::writePrivateFile(path, pdf.data()); !written)
        return written.error().message;
    return {};
}

} // namespace tamga::ui
