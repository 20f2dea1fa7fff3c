#include "Views.h"

#include "DisplayNames.h"

#include "EnrollmentWizard.h"
#include "ReceiptPrinting.h"
#include "SecretField.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/OfficerImport.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Receipt.h"
#include "tamga/core/Registry.h"
#include "tamga/core/Settings.h"

#include <QCoreApplication>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace tamga::ui {

namespace {

class DeskView : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    DeskView(MainWindow* window, const DeskContext& context) : QWidget(window), m_context(context)
    {
        auto* layout = new QVBoxLayout(this);
        m_readError = newReadErrorLine(this);
        layout->addWidget(m_readError);
        auto* start = new QPushButton(tr("&New enrollment  (Ctrl+N)"), this);
        QFont big = start->font();
        big.setPointSize(big.pointSize() + 6);
        start->setFont(big);
        start->setMinimumHeight(64);
        layout->addWidget(start);
        layout->addWidget(new QLabel(tr("Enrollments waiting to be finished:"), this));
        m_list = new QListWidget(this);
        layout->addWidget(m_list);
        auto* resume = new QPushButton(tr("&Continue the selected enrollment"), this);
        layout->addWidget(resume);
        connect(start, &QPushButton::clicked, window, [window] { window->startEnrollment(); });
        connect(resume, &QPushButton::clicked, window, [this, window] {
            if (auto* item = m_list->currentItem())
                window->startEnrollment(item->data(Qt::UserRole).toLongLong());
        });
        connect(m_list, &QListWidget::itemActivated, window,
                [window](QListWidgetItem* item) { window->startEnrollment(item->data(Qt::UserRole).toLongLong()); });
        connect(window, &MainWindow::enrollmentsChanged, this, [this] { refresh(); });
        refresh();
    }

    void refresh()
    {
        m_list->clear();
        auto all = core::EnrollmentRecords(*m_context.database).list(std::nullopt);
        showReadError(m_readError, all ? QString() : all.error().message);
        if (!all)
            return;
        for (const auto& r : *all) {
            if (!core::isOpenAtDesk(r.state))
                continue;
            auto* item = new QListWidgetItem(
                tr("#%1  %2 — %3 — %4")
                    .arg(r.id)
                    .arg(r.officerName, stateDisplayName(r.state), r.lastError.isEmpty() ? r.tokenSerial : r.lastError),
                m_list);
            item->setData(Qt::UserRole, r.id);
        }
    }

    const DeskContext& m_context;
    QListWidget* m_list = nullptr;
    QLabel* m_readError = nullptr;
};

} // namespace

QWidget* newDeskView(MainWindow* window, const DeskContext& context)
{
    return new DeskView(window, context);
}

} // namespace tamga::ui
