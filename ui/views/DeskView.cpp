// The desk's home screen: today's work. The campaign's progress, and every list of what waits for the clerk, each
// one key (its Alt letter, then Enter) or a double-click from its action.
#include "Views.h"

#include "DisplayNames.h"
#include "tamga/core/Receipt.h"
#include "tamga/core/Renewals.h"
#include "tamga/core/TodaysWork.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include <map>

namespace tamga::ui {

namespace {

class DeskView : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    DeskView(MainWindow* window, const DeskContext& context) : QWidget(window), m_context(context), m_window(window)
    {
        auto* layout = new QVBoxLayout(this);
        m_readError = newReadErrorLine(this);
        layout->addWidget(m_readError);

        auto* top = new QHBoxLayout;
        auto* start = new QPushButton(tr("&New enrollment  (Ctrl+N)"), this);
        QFont big = start->font();
        big.setPointSize(big.pointSize() + 6);
        start->setFont(big);
        start->setMinimumHeight(64);
        top->addWidget(start, 1);
        auto* session = new QPushButton(tr("Batch session…  (Ctrl+B)"), this);
        session->setObjectName(QStringLiteral("batchSession"));
        session->setShortcut(QKeySequence(tr("Ctrl+B")));
        session->setMinimumHeight(64);
        top->addWidget(session);
        auto* newBatch = new QPushButton(tr("New batch…  (Ctrl+Shift+B)"), this);
        newBatch->setObjectName(QStringLiteral("newBatch"));
        newBatch->setShortcut(QKeySequence(tr("Ctrl+Shift+B")));
        newBatch->setMinimumHeight(64);
        top->addWidget(newBatch);
        auto* campaign = new QVBoxLayout;
        m_campaign = new QLabel(this);
        m_campaign->setWordWrap(true);
        m_progress = new QProgressBar(this);
        m_progress->setObjectName(QStringLiteral("campaignProgress"));
        campaign->addWidget(m_campaign);
        campaign->addWidget(m_progress);
        top->addLayout(campaign, 2);
        layout->addLayout(top);

        auto* grid = new QGridLayout;
        m_toFinish = addList(grid, 0, 0, QStringLiteral("toFinish"));
        m_toWriteBack = addList(grid, 0, 1, QStringLiteral("toWriteBack"));
        m_toHandOver = addList(grid, 0, 2, QStringLiteral("toHandOver"));
        m_batches = addList(grid, 1, 0, QStringLiteral("batches"));
        m_organizations = addList(grid, 1, 1, QStringLiteral("organizations"));
        m_stock = addList(grid, 1, 2, QStringLiteral("stock"));
        m_toRenew = addList(grid, 0, 3, QStringLiteral("toRenew"), 2);
        layout->addLayout(grid, 1);

        connect(start, &QPushButton::clicked, window, [window] { window->startEnrollment(); });
        for (QListWidget* enrollments : {m_toFinish, m_toWriteBack, m_toHandOver}) {
            connect(enrollments, &QListWidget::itemActivated, window, [window](QListWidgetItem* item) {
                window->startEnrollment(item->data(Qt::UserRole).toLongLong());
            });
        }
        // A batch: the enrollment of its next officer waiting, found in the wizard by civil ID. Looked up when the
        // clerk asks, not for every batch each time the screen is drawn.
        connect(m_batches, &QListWidget::itemActivated, window, [this, window](QListWidgetItem* item) {
            const QString civilId = nextWaiting(item->data(Qt::UserRole).toLongLong());
            if (!civilId.isEmpty())
                window->startEnrollmentFor(civilId);
        });
        // The batch session room of the batch chosen in the list (the first when none is).
        connect(session, &QPushButton::clicked, window, [this, window] {
            QListWidgetItem* item = m_batches->currentItem() ? m_batches->currentItem() : m_batches->item(0);
            if (item)
                openBatchRoom(window, m_context, item->data(Qt::UserRole).toLongLong());
            else
                newBatchThenRoom(window); // no batch open yet: the clerk makes one first
        });
        connect(newBatch, &QPushButton::clicked, window, [this, window] { newBatchThenRoom(window); });
        // A certificate to renew: asked, then renewed on its token through the wizard (the officer's PIN).
        connect(m_toRenew, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
            if (const qint64 id = item->data(Qt::UserRole).toLongLong())
                askRenewal(id, item->data(Qt::UserRole + 1).toLongLong(), item->data(Qt::UserRole + 2).toString(),
                           item->data(Qt::UserRole + 3).toString());
        });
        connect(m_context.worker, &core::DeskWorker::renewalStarted, this,
                [this, window](qint64, qint64 newEnrollmentId, const QString& error) {
                    if (newEnrollmentId == 0) {
                        QMessageBox::warning(this, tr("Renewal"), error);
                        return;
                    }
                    refresh();
                    window->startEnrollment(newEnrollmentId);
                });
        connect(m_organizations, &QListWidget::itemActivated, window, [window] { window->tabs()->setCurrentIndex(1); });
        connect(m_stock, &QListWidget::itemActivated, window, [window] { window->tabs()->setCurrentIndex(2); });
        connect(window, &MainWindow::enrollmentsChanged, this, [this] { refresh(); });
        connect(window, &MainWindow::registryChanged, this, [this] { refresh(); });
        refresh();
    }

    // The home screen is read again each time the clerk comes back to it.
    void showEvent(QShowEvent* event) override
    {
        QWidget::showEvent(event);
        refresh();
    }

    void refresh()
    {
        auto work = core::todaysWork(*m_context.database);
        showReadError(m_readError, work ? QString() : work.error().message);
        for (QListWidget* list :
             {m_toFinish, m_toWriteBack, m_toHandOver, m_batches, m_organizations, m_stock, m_toRenew})
            list->clear();
        if (!work)
            return;
        const core::OfficerProgress& c = work->campaign;
        m_campaign->setText(tr("Campaign: %1 officers registered · %2 started · %3 with the certificate on the token · "
                               "%4 handed over")
                                .arg(c.officers)
                                .arg(c.started)
                                .arg(c.onToken)
                                .arg(c.handedOver));
        m_progress->setRange(0, std::max(c.officers, 1));
        m_progress->setValue(c.handedOver);
        m_progress->setFormat(tr("%1 of %2 handed over (%p%)").arg(c.handedOver).arg(c.officers));

        auto enrollmentItem = [](QListWidget* list, const core::EnrollmentRecord& r, const QString& detail) {
            auto* item = new QListWidgetItem(
                tr("#%1  %2 — %3").arg(r.id).arg(r.officerName, detail.isEmpty() ? stateDisplayName(r.state) : detail),
                list);
            item->setData(Qt::UserRole, r.id);
        };
        for (const auto& r : work->toFinish)
            enrollmentItem(m_toFinish, r, r.lastError.isEmpty() ? QString() : r.lastError);
        for (const auto& r : work->toWriteBack)
            enrollmentItem(m_toWriteBack, r, QString());
        for (const auto& r : work->toHandOver)
            enrollmentItem(m_toHandOver, r, r.tokenSerial);
        for (const auto& b : work->openBatches) {
            auto* item = new QListWidgetItem(tr("%1 — %2 of %3 on the token, %4 handed over")
                                                 .arg(b.name)
                                                 .arg(b.verified)
                                                 .arg(b.members)
                                                 .arg(b.handedOver),
                                             m_batches);
            item->setData(Qt::UserRole, b.id);
        }
        for (const auto& o : work->notStarted) {
            // The number first: a long organization name must not hide it.
            auto* item = new QListWidgetItem(tr("%1 of %2 not started — %3")
                                                 .arg(o.progress.officers - o.progress.started)
                                                 .arg(o.progress.officers)
                                                 .arg(o.name),
                                             m_organizations);
            item->setToolTip(o.name);
        }
        for (core::StockState state : core::allStockStates()) {
            const auto count = work->stock.find(state);
            if (count != work->stock.end() && count->second > 0)
                new QListWidgetItem(tr("%1: %2").arg(stockStateDisplayName(state)).arg(count->second), m_stock);
        }
        m_titles.at(0)->setText(tr("Enrollments to f&inish (%1)").arg(work->toFinish.size()));
        m_titles.at(1)->setText(tr("Certificates to &write back (%1)").arg(work->toWriteBack.size()));
        m_titles.at(2)->setText(tr("Waiting for &hand-over (%1)").arg(work->toHandOver.size()));
        m_titles.at(3)->setText(tr("&Batches open (%1)").arg(work->openBatches.size()));
        m_titles.at(4)->setText(tr("Or&ganizations not started (%1)").arg(work->notStarted.size()));
        m_titles.at(5)->setText(tr("Token stoc&k"));
        // Per organization: its name, then its officers whose certificate expires soonest first.
        std::map<QString, std::vector<const core::RenewalDue*>> byOrganization;
        for (const core::RenewalDue& d : work->toRenew)
            byOrganization[d.organization].push_back(&d);
        for (const auto& [organization, due] : byOrganization) {
            auto* heading = new QListWidgetItem(tr("%1 (%2)").arg(organization).arg(due.size()), m_toRenew);
            QFont bold = heading->font();
            bold.setBold(true);
            heading->setFont(bold);
            heading->setFlags(Qt::ItemIsEnabled);
            heading->setToolTip(organization);
            for (const core::RenewalDue* d : due) {
                auto* item = new QListWidgetItem(
                    d->renewalId ? tr("#%1  %2 — renewal under way").arg(d->enrollmentId).arg(d->officerName)
                                 : tr("#%1  %2 — until %3, days left: %4")
                                       .arg(d->enrollmentId)
                                       .arg(d->officerName, core::deskDate(d->notAfter))
                                       .arg(d->daysLeft),
                    m_toRenew);
                item->setToolTip(item->text());
                item->setData(Qt::UserRole, d->enrollmentId);
                item->setData(Qt::UserRole + 1, d->renewalId);
                item->setData(Qt::UserRole + 2, d->officerName);
                item->setData(Qt::UserRole + 3, core::deskDate(d->notAfter));
            }
        }
        m_titles.at(6)->setText(
            tr("&Certificates to renew, %1 days ahead (%2)").arg(work->renewalWindowDays).arg(work->toRenew.size()));
    }

private:
    QListWidget* addList(QGridLayout* grid, int row, int column, const QString& name, int rowSpan = 1)
    {
        auto* box = new QVBoxLayout;
        auto* title = new QLabel(this);
        auto* list = new QListWidget(this);
        list->setObjectName(name);
        title->setBuddy(list);
        box->addWidget(title);
        box->addWidget(list);
        grid->addLayout(box, row, column, rowSpan, 1);
        m_titles.push_back(title);
        return list;
    }

    // Asks whether to renew on the same token (and whether to apply for the old certificate's revocation), then
    // starts the renewal on the worker; its new enrollment opens in the wizard (renewalStarted). A renewal under
    // way is resumed in the wizard at once.
    void askRenewal(qint64 enrollmentId, qint64 renewalUnderWay, const QString& officer, const QString& until)
    {
        if (renewalUnderWay) {
            auto renewal = core::Renewals(*m_context.database).find(renewalUnderWay);
            if (renewal)
                m_window->startEnrollment(renewal->newEnrollmentId);
            return;
        }
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Renewal"));
        auto* layout = new QVBoxLayout(&dialog);
        auto* text = new QLabel(tr("Officer: %1. Certificate valid until %2.\n\nIt is renewed on the same token: a "
                                   "new key pair and certificate are made beside the old ones, and the old key and "
                                   "certificate are deleted only once the new certificate is verified on the token. "
                                   "The officer types their PIN.")
                                    .arg(officer, until),
                                &dialog);
        text->setWordWrap(true);
        layout->addWidget(text);
        auto* revokeOld = new QCheckBox(tr("Also apply for the old certificate's &revocation (replaced)"), &dialog);
        layout->addWidget(revokeOld);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        buttons->button(QDialogButtonBox::Ok)->setText(tr("Re&new"));
        buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
        layout->addWidget(buttons);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        if (dialog.exec() == QDialog::Accepted)
            m_context.worker->startRenewal(m_context.signedIn, enrollmentId, revokeOld->isChecked());
    }

    void newBatchThenRoom(MainWindow* window)
    {
        if (auto created = createBatchInDialog(window, m_context)) {
            refresh();
            openBatchRoom(window, m_context, *created);
        }
    }

    // The civil ID of the batch's first officer still without an enrollment; empty when none.
    QString nextWaiting(qint64 batchId) const
    {
        auto members = core::Batches(*m_context.database).members(batchId);
        if (!members)
            return {};
        for (const auto& m : *members) {
            if (!m.enrollment)
                return m.civilId;
        }
        return {};
    }

    const DeskContext& m_context;
    MainWindow* m_window = nullptr;
    QLabel* m_readError = nullptr;
    QLabel* m_campaign = nullptr;
    QProgressBar* m_progress = nullptr;
    QListWidget* m_toFinish = nullptr;
    QListWidget* m_toWriteBack = nullptr;
    QListWidget* m_toHandOver = nullptr;
    QListWidget* m_batches = nullptr;
    QListWidget* m_organizations = nullptr;
    QListWidget* m_stock = nullptr;
    QListWidget* m_toRenew = nullptr;
    std::vector<QLabel*> m_titles;
};

} // namespace

QWidget* newDeskView(MainWindow* window, const DeskContext& context)
{
    return new DeskView(window, context);
}

} // namespace tamga::ui
