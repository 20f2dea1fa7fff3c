#include "Views.h"

#include "DisplayNames.h"

#include "EnrollmentWizard.h"
#include "ReceiptPrinting.h"
#include "SecretField.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/OfficerImport.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Receipt.h"
#include "tamga/core/Registry.h"
#include "tamga/core/Settings.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace tamga::ui {

namespace {

class AuditView : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    AuditView(MainWindow* window, const DeskContext& context) : QWidget(window), m_context(context)
    {
        auto* layout = new QVBoxLayout(this);
        m_readError = newReadErrorLine(this);
        layout->addWidget(m_readError);
        auto* bar = new QHBoxLayout;
        auto* filter = new QLineEdit(this);
        filter->setPlaceholderText(tr("Filter…"));
        auto* verify = new QPushButton(tr("Veri&fy the chain"), this);
        auto* reload = new QPushButton(tr("Re&load"), this);
        bar->addWidget(filter, 1);
        bar->addWidget(reload);
        bar->addWidget(verify);
        layout->addLayout(bar);
        m_model = new QStandardItemModel(this);
        m_model->setHorizontalHeaderLabels(
            {tr("#"), tr("Time"), tr("Operator"), tr("Action"), tr("Object"), tr("Outcome"), tr("Details")});
        auto* proxy = new QSortFilterProxyModel(this);
        proxy->setSourceModel(m_model);
        proxy->setFilterKeyColumn(-1);
        proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
        layout->addWidget(makeTable(proxy, this));
        m_result = new QLabel(this);
        m_result->setWordWrap(true);
        layout->addWidget(m_result);
        connect(filter, &QLineEdit::textChanged, proxy, &QSortFilterProxyModel::setFilterFixedString);
        connect(reload, &QPushButton::clicked, this, [this] { refresh(); });
        connect(verify, &QPushButton::clicked, this, [this] {
            auto result = core::AuditLog(*m_context.database).verify();
            if (!result)
                m_result->setText(result.error().message);
            else if (result->intact)
                m_result->setText(tr("The audit log is intact: %1 events. Chain head %2")
                                      .arg(result->eventsChecked)
                                      .arg(result->headHash));
            else
                m_result->setText(tr("TAMPERED: %1").arg(result->problem));
            m_result->setStyleSheet(result && result->intact ? QString()
                                                             : QStringLiteral("color:#b3261e;font-weight:bold"));
        });
        connect(window, &MainWindow::enrollmentsChanged, this, [this] { refresh(); });
        connect(window, &MainWindow::registryChanged, this, [this] { refresh(); });
        refresh();
    }

    void refresh()
    {
        m_model->removeRows(0, m_model->rowCount());
        auto events = core::AuditLog(*m_context.database).list(500);
        showReadError(m_readError, events ? QString() : events.error().message);
        if (!events)
            return;
        for (const auto& e : *events)
            m_model->appendRow({new QStandardItem(QString::number(e.id)),
                                new QStandardItem(core::deskDateTime(QDateTime::fromString(e.at, Qt::ISODateWithMs))),
                                new QStandardItem(e.operatorName), new QStandardItem(auditActionDisplayName(e.action)),
                                new QStandardItem(e.objectType + QLatin1Char(' ') + e.objectId),
                                new QStandardItem(outcomeDisplayName(e.outcome)), new QStandardItem(e.details)});
    }

    const DeskContext& m_context;
    QStandardItemModel* m_model = nullptr;
    QLabel* m_readError = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace

QWidget* newAuditView(MainWindow* window, const DeskContext& context)
{
    return new AuditView(window, context);
}

} // namespace tamga::ui
