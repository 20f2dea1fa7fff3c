#include "ReceiptPrinting.h"

#include "ReceiptRenderer.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPrinter>

namespace tamga::ui {

namespace {

SaveFileChooser& chooser()
{
    static SaveFileChooser instance = [](QWidget* parent, const QString& suggested) {
        return QFileDialog::getSaveFileName(parent, QObject::tr("Save the receipt"), suggested,
                                            QObject::tr("PDF documents (*.pdf)"));
    };
    return instance;
}

}  // namespace

void setSaveFileChooser(SaveFileChooser replacement)
{
    chooser() = std::move(replacement);
}

bool previewReceipt(const DeskContext& context, qint64 enrollmentId, QWidget* parent)
{
    auto receipt = core::Receipts(*context.database).data(enrollmentId);
    if (!receipt) {
        QMessageBox::warning(parent, QObject::tr("Receipt"), receipt.error().message);
        return false;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setFullPage(true);
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(QObject::tr("Handover receipt — print preview"));
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog, [&](QPrinter* device) {
        QPainter painter(device);
        paintReceipt(*device, painter, *receipt);
    });
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return core::Receipts(*context.database).recordPrinted(context.signedIn, *receipt).has_value();
}

bool saveReceiptPdf(const DeskContext& context, qint64 enrollmentId, QWidget* parent)
{
    auto receipt = core::Receipts(*context.database).data(enrollmentId);
    if (!receipt) {
        QMessageBox::warning(parent, QObject::tr("Receipt"), receipt.error().message);
        return false;
    }
    const QString path = chooser()(parent, QStringLiteral("receipt-%1.pdf").arg(enrollmentId));
    if (path.isEmpty())
        return false;
    if (const QString error = writeReceiptPdf(*receipt, path); !error.isEmpty()) {
        QMessageBox::warning(parent, QObject::tr("Receipt"), error);
        return false;
    }
    return core::Receipts(*context.database).recordPrinted(context.signedIn, *receipt).has_value();
}

}  // namespace tamga::ui
