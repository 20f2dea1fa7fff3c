// The Reports tab: progress, a day's summary and the token stock, shown on screen, previewed and printed, or
// saved as PDF or CSV for the head of the RA.
#include "Views.h"

#include "ReceiptPrinting.h"
#include "ReportRenderer.h"
#include "tamga/core/Files.h"
#include "tamga/core/Reports.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace tamga::ui {

namespace {

class ReportsView : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    ReportsView(MainWindow* window, const DeskContext& context) : QWidget(window), m_context(context)
    {
        auto* layout = new QVBoxLayout(this);
        m_readError = newReadErrorLine(this);
        layout->addWidget(m_readError);
        auto* form = new QFormLayout;
        m_which = new QComboBox(this);
        m_which->setObjectName(QStringLiteral("report"));
        m_which->addItem(tr("Campaign progress"), QStringLiteral("progress"));
        m_which->addItem(tr("Daily summary"), QStringLiteral("daily"));
        m_which->addItem(tr("Token stock and revocations"), QStringLiteral("stock"));
        m_which->addItem(tr("Certificates to renew"), QStringLiteral("renewals"));
        m_day = new QDateEdit(QDate::currentDate(), this);
        m_day->setCalendarPopup(true);
        m_day->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        form->addRow(tr("Re&port:"), m_which);
        form->addRow(tr("Da&y:"), m_day);
        layout->addLayout(form);
        auto* buttons = new QHBoxLayout;
        auto* preview = new QPushButton(tr("Pr&int preview…"), this);
        auto* pdf = new QPushButton(tr("Save as PD&F…"), this);
        auto* csv = new QPushButton(tr("Save as &CSV…"), this);
        csv->setObjectName(QStringLiteral("saveCsv"));
        buttons->addWidget(preview);
        buttons->addWidget(pdf);
        buttons->addWidget(csv);
        buttons->addStretch(1);
        layout->addLayout(buttons);
        m_view = new QTextBrowser(this);
        layout->addWidget(m_view, 1);
        connect(m_which, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
        connect(m_day, &QDateEdit::dateChanged, this, [this] { refresh(); });
        connect(preview, &QPushButton::clicked, this, [this] { printPreview(); });
        connect(pdf, &QPushButton::clicked, this, [this] { save(QStringLiteral("pdf")); });
        connect(csv, &QPushButton::clicked, this, [this] { save(QStringLiteral("csv")); });
        refresh();
    }

    void showEvent(QShowEvent* event) override
    {
        QWidget::showEvent(event);
        refresh();
    }

private:
    std::optional<core::Report> make()
    {
        const core::Reports reports(*m_context.database);
        const QString which = m_which->currentData().toString();
        auto report = which == QStringLiteral("progress")   ? reports.progress()
                      : which == QStringLiteral("stock")    ? reports.stock()
                      : which == QStringLiteral("renewals") ? reports.renewals()
                                                            : reports.daily(m_day->date());
        showReadError(m_readError, report ? QString() : report.error().message);
        if (!report)
            return std::nullopt;
        return *report;
    }

    void refresh()
    {
        m_day->setEnabled(m_which->currentData().toString() == QStringLiteral("daily"));
        auto report = make();
        auto* document = new QTextDocument(m_view);
        if (report)
            layOutReport(*document, *report);
        m_view->setDocument(document);
    }

    void printPreview()
    {
        auto report = make();
        if (!report)
            return;
        QPrinter printer(QPrinter::HighResolution);
        printer.setPageSize(QPageSize(QPageSize::A4));
        QPrintPreviewDialog dialog(&printer, this);
        connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog, [&](QPrinter* device) {
            QTextDocument document;
            layOutReport(document, *report);
            document.print(device);
        });
        dialog.exec();
    }

    void save(const QString& format)
    {
        auto report = make();
        if (!report)
            return;
        const QString folder = m_context.dataDir + QStringLiteral("/reports");
        QDir().mkpath(folder);
        const QString suggested =
            QStringLiteral("%1/%2-%3.%4")
                .arg(folder, m_which->currentData().toString(), QDate::currentDate().toString(Qt::ISODate), format);
        const QString path = chooseSavePath(this, suggested);
        if (path.isEmpty())
            return;
        QString error;
        if (format == QStringLiteral("pdf")) {
            error = writeReportPdf(*report, path);
        } else if (auto written = core::writePrivateFile(path, core::Reports::csv(*report)); !written) {
            error = written.error().message;
        }
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Reports"), error);
    }

    const DeskContext& m_context;
    QLabel* m_readError = nullptr;
    QComboBox* m_which = nullptr;
    QDateEdit* m_day = nullptr;
    QTextBrowser* m_view = nullptr;
};

} // namespace

QWidget* newReportsView(MainWindow* window, const DeskContext& context)
{
    return new ReportsView(window, context);
}

} // namespace tamga::ui
