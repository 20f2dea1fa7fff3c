#include "ReceiptPrinting.h"

#include "ReceiptRenderer.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QRegularExpression>

namespace tamga::ui {

namespace {

SaveFileChooser& chooser()
{
    static SaveFileChooser instance = [](QWidget* parent, const QString& suggestedPath) {
        const bool csv = suggestedPath.endsWith(QStringLiteral(".csv"));
        return QFileDialog::getSaveFileName(parent, QObject::tr("Save as"), suggestedPath,
                                            csv ? QObject::tr("CSV files (*.csv)")
                                                : QObject::tr("PDF documents (*.pdf)"));
    };
    return instance;
}

} // namespace

void setSaveFileChooser(SaveFileChooser replacement)
{
    chooser() = std::move(replacement);
}

QString chooseSavePath(QWidget* parent, const QString& suggestedPath)
{
    return chooser()(parent, suggestedPath);
}

namespace {

// Where the next file or folder dialog opens: where the last choice of this run was made (the CA's USB stick, the
// backup disk), else the user's home; never the working folder the desk happened to be started from.
QString& lastChosenFolder()
{
    static QString folder = QDir::homePath();
    return folder;
}

QString openWithDialog(QWidget* parent, const QString& title, bool folder)
{
    const QString chosen = folder ? QFileDialog::getExistingDirectory(parent, title, lastChosenFolder())
                                  : QFileDialog::getOpenFileName(parent, title, lastChosenFolder());
    if (!chosen.isEmpty())
        lastChosenFolder() = folder ? chosen : QFileInfo(chosen).absolutePath();
    return chosen;
}

OpenPathChooser& openChooser()
{
    static OpenPathChooser chooser = openWithDialog;
    return chooser;
}

} // namespace

void setOpenPathChooser(OpenPathChooser replacement)
{
    openChooser() = replacement ? std::move(replacement) : OpenPathChooser(openWithDialog);
}

QString chooseOpenPath(QWidget* parent, const QString& title, bool folder)
{
    return openChooser()(parent, title, folder);
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

QString saveReceiptPdf(const DeskContext& context, qint64 enrollmentId, QWidget* parent)
{
    auto receipt = core::Receipts(*context.database).data(enrollmentId);
    if (!receipt) {
        QMessageBox::warning(parent, QObject::tr("Receipt"), receipt.error().message);
        return {};
    }
    // The desk's receipts folder (private, like the database beside it), and a name that says whose receipt it is.
    const QString folder = context.dataDir + QStringLiteral("/receipts");
    if (QDir().mkpath(folder))
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QString person = receipt->officerName;
    person.replace(QRegularExpression(QStringLiteral("[\\s/\\\\:*?\"<>|]+")), QStringLiteral("-"));
    const QString suggested = folder + QStringLiteral("/receipt-%1-%2-%3.pdf")
                                           .arg(enrollmentId)
                                           .arg(person, QDate::currentDate().toString(Qt::ISODate));
    const QString path = chooser()(parent, suggested);
    if (path.isEmpty())
        return {};
    if (const QString error = writeReceiptPdf(*receipt, path); !error.isEmpty()) {
        QMessageBox::warning(parent, QObject::tr("Receipt"), error);
        return {};
    }
    if (auto recorded = core::Receipts(*context.database).recordPrinted(context.signedIn, *receipt); !recorded) {
        QMessageBox::warning(parent, QObject::tr("Receipt"), recorded.error().message);
        return {};
    }
    return path;
}

} // namespace tamga::ui
