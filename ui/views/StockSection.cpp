// The token stock on the Tokens tab: every token the RA holds (not only those plugged in), filtered by state, with
// what a clerk or supervisor records about them: a state change with its reason (only the moves the stock allows,
// and a clerk only those a clerk may make: TokenStock refuses the rest and audits each attempt), a supplier's
// delivery list, and the day's reconciliation against the receipts signed.
#include "Views.h"

#include "DisplayNames.h"
#include "tamga/core/TokenStock.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDate>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace tamga::ui {

namespace {

class StockSection : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    StockSection(MainWindow* window, const DeskContext& context) : QWidget(window), m_context(context)
    {
        setObjectName(QStringLiteral("stockSection"));
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        auto* heading = new QHBoxLayout;
        heading->addWidget(new QLabel(tr("<b>The token stock</b>: every token the RA holds"), this));
        heading->addStretch(1);
        m_filter = new QComboBox(this);
        m_filter->setObjectName(QStringLiteral("stockFilter"));
        m_filter->addItem(tr("every state"), QString());
        for (core::StockState state : core::allStockStates())
            m_filter->addItem(stockStateDisplayName(state), core::stockStateName(state));
        auto* filterLabel = new QLabel(tr("&Filter:"), this);
        filterLabel->setBuddy(m_filter);
        heading->addWidget(filterLabel);
        heading->addWidget(m_filter);
        layout->addLayout(heading);
        m_readError = newReadErrorLine(this);
        layout->addWidget(m_readError);
        m_model = new QStandardItemModel(this);
        m_model->setHorizontalHeaderLabels(
            {tr("Serial"), tr("State"), tr("Reason"), tr("Model"), tr("First seen"), tr("Changed")});
        m_table = makeTable(m_model, this);
        m_table->setObjectName(QStringLiteral("stockTable"));
        layout->addWidget(m_table);
        auto* buttons = new QHBoxLayout;
        auto* setState = new QPushButton(tr("Set stoc&k state…"), this);
        setState->setObjectName(QStringLiteral("setStockState"));
        auto* delivery = new QPushButton(tr("I&mport a delivery…"), this);
        auto* endOfDay = new QPushButton(tr("End of da&y…"), this);
        endOfDay->setObjectName(QStringLiteral("endOfDay"));
        auto* wipe = new QPushButton(tr("&Wipe for re-issue…"), this);
        wipe->setObjectName(QStringLiteral("wipeForReissue"));
        if (context.signedIn.role != core::Role::Supervisor) {
            for (QPushButton* button : {delivery, wipe}) {
                button->setEnabled(false);
                button->setToolTip(tr("Supervisors only"));
            }
        }
        for (QPushButton* button : {setState, delivery, endOfDay, wipe})
            buttons->addWidget(button);
        buttons->addStretch(1);
        layout->addLayout(buttons);
        m_result = new QLabel(this);
        m_result->setObjectName(QStringLiteral("stockResult"));
        m_result->setWordWrap(true);
        layout->addWidget(m_result);

        connect(m_filter, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
        connect(setState, &QPushButton::clicked, this, [this] { setSelectedState(); });
        connect(delivery, &QPushButton::clicked, this, [this] { importDelivery(); });
        connect(endOfDay, &QPushButton::clicked, this, [this] { showEndOfDay(); });
        connect(wipe, &QPushButton::clicked, this, [this] { wipeSelected(); });
        // A token erased on the worker changes its state in the stock.
        connect(context.worker, &core::DeskWorker::tokenOperationFinished, this,
                [this](bool ok, const QString& message) {
                    if (!m_wipeInFlight)
                        return;
                    m_wipeInFlight = false;
                    say(ok, message);
                    refresh();
                });
        // An enrollment moves tokens in the stock (prepared, issued): the list follows.
        connect(window, &MainWindow::enrollmentsChanged, this, [this] { refresh(); });
        refresh();
    }

protected:
    // The stock moves from other screens (a lost token on the Revocations tab) and other processes: read again
    // whenever the section is shown.
    void showEvent(QShowEvent* event) override
    {
        QWidget::showEvent(event);
        refresh();
    }

private:
    void refresh()
    {
        const QString name = m_filter->currentData().toString();
        auto tokens =
            core::TokenStock(*m_context.database).list(name.isEmpty() ? std::nullopt : core::parseStockState(name));
        showReadError(m_readError, tokens ? QString() : tokens.error().message);
        if (!tokens)
            return;
        const QString selected = selectedSerial();
        m_model->removeRows(0, m_model->rowCount());
        for (const core::StockToken& t : *tokens) {
            auto* serial = new QStandardItem(t.serial);
            serial->setData(core::stockStateName(t.state), Qt::UserRole);
            m_model->appendRow({serial, new QStandardItem(stockStateDisplayName(t.state)), new QStandardItem(t.reason),
                                new QStandardItem(t.model), new QStandardItem(t.firstSeenAt.left(16)),
                                new QStandardItem(t.updatedAt.left(16))});
            if (t.serial == selected)
                m_table->selectRow(m_model->rowCount() - 1);
        }
    }

    QString selectedSerial() const
    {
        const auto rows = m_table->selectionModel()->selectedRows();
        return rows.isEmpty() ? QString() : m_model->item(rows.front().row())->text();
    }

    void say(bool ok, const QString& message)
    {
        m_result->setStyleSheet(ok ? QString() : QStringLiteral("color:#b3261e"));
        m_result->setText(message);
    }

    // The selected token's next state: only the moves the stock allows from where it is (and, for a clerk, those a
    // clerk records), with the reason the history keeps.
    void setSelectedState()
    {
        const auto rows = m_table->selectionModel()->selectedRows();
        if (rows.isEmpty()) {
            say(false, tr("Select a token of the stock first."));
            m_table->setFocus();
            return;
        }
        const QString serial = m_model->item(rows.front().row())->text();
        const auto from = core::parseStockState(m_model->item(rows.front().row())->data(Qt::UserRole).toString());
        if (!from)
            return;
        QDialog dialog(this);
        dialog.setObjectName(QStringLiteral("stockStateDialog"));
        dialog.setWindowTitle(tr("Token %1").arg(serial));
        auto* form = new QFormLayout(&dialog);
        auto* to = new QComboBox(&dialog);
        to->setObjectName(QStringLiteral("stockTo"));
        const bool supervisor = m_context.signedIn.role == core::Role::Supervisor;
        for (core::StockState state : core::allStockStates()) {
            if (core::stockTransitionAllowed(*from, state) && (supervisor || core::clerkMaySet(state)))
                to->addItem(stockStateDisplayName(state), core::stockStateName(state));
        }
        if (to->count() == 0) {
            say(false, tr("A token that is %1 goes nowhere from here.").arg(stockStateDisplayName(*from)));
            return;
        }
        auto* reason = new QLineEdit(&dialog);
        reason->setObjectName(QStringLiteral("stockReason"));
        form->addRow(tr("It is %1 now. &New state:").arg(stockStateDisplayName(*from)), to);
        form->addRow(tr("&Reason (kept in its history):"), reason);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        to->setFocus();
        if (dialog.exec() != QDialog::Accepted)
            return;
        const auto state = core::parseStockState(to->currentData().toString());
        auto done = core::TokenStock(*m_context.database).setState(m_context.signedIn, serial, *state, reason->text());
        say(done.has_value(),
            done ? tr("Token %1 is %2 now.").arg(serial, stockStateDisplayName(*state)) : done.error().message);
        refresh();
    }

    // The selected token, back from its officer, erased for re-issue with the SO PIN the desk sealed for it: the
    // supervisor's password unlocks the desk key on the worker (DeskWorker::wipeForReissue).
    void wipeSelected()
    {
        const auto rows = m_table->selectionModel()->selectedRows();
        if (rows.isEmpty()) {
            say(false, tr("Select a token of the stock first."));
            m_table->setFocus();
            return;
        }
        const QString serial = m_model->item(rows.front().row())->text();
        // Said before anything is asked: only a token the stock lets go to "wiped" is erased.
        const auto from = core::parseStockState(m_model->item(rows.front().row())->data(Qt::UserRole).toString());
        if (!from || !core::stockTransitionAllowed(*from, core::StockState::Wiped)) {
            say(false, tr("Only a returned, blocked or prepared token is wiped for re-issue; %1 is %2.")
                           .arg(serial, from ? stockStateDisplayName(*from) : QString()));
            return;
        }
        bool ok = false;
        const QString reason = QInputDialog::getText(
            this, tr("Wipe for re-issue"),
            tr("Token %1 will be erased (its keys and certificates) for the next officer. Why?").arg(serial),
            QLineEdit::Normal, tr("returned"), &ok);
        if (!ok)
            return;
        auto password = askPin(this, tr("Wipe for re-issue"), tr("Your password (unlocks the token's sealed SO PIN):"));
        if (!password)
            return;
        m_wipeInFlight = true;
        say(true, tr("Wiping %1… (plugged in)").arg(serial));
        m_context.worker->wipeForReissue(m_context.signedIn, std::move(*password), serial, reason);
    }

    void importDelivery()
    {
        const QString path = QFileDialog::getOpenFileName(this, tr("A supplier's delivery list"), QString(),
                                                          tr("CSV files (*.csv);;All files (*)"));
        if (path.isEmpty())
            return;
        auto report = core::TokenStock(*m_context.database).importDelivery(m_context.signedIn, path);
        if (!report) {
            say(false, report.error().message);
            return;
        }
        if (!report->problems.empty()) {
            QStringList lines;
            for (const auto& problem : report->problems)
                lines << tr("line %1: %2").arg(problem.line).arg(problem.reason);
            say(false, tr("The list has %n bad line(s); no token was added.", nullptr,
                          static_cast<int>(report->problems.size())) +
                           QLatin1Char('\n') + lines.mid(0, 10).join(QLatin1Char('\n')));
            return;
        }
        say(true, tr("%1 token(s) added, %2 in the stock already.").arg(report->added).arg(report->known));
        refresh();
    }

    void showEndOfDay()
    {
        auto day = core::TokenStock(*m_context.database).reconcile(QDate::currentDate());
        if (!day) {
            say(false, day.error().message);
            return;
        }
        const core::StockDay& d = *day;
        QString text = tr("<h3>End of day %1</h3><table>"
                          "<tr><td>Received</td><td align=right>%2</td></tr>"
                          "<tr><td>Issued</td><td align=right>%3</td></tr>"
                          "<tr><td>Receipts signed</td><td align=right>%4</td></tr>"
                          "<tr><td>Returned</td><td align=right>%5</td></tr>"
                          "<tr><td>Spoiled (lost, blocked, retired)</td><td align=right>%6</td></tr>"
                          "<tr><td>In stock at the end</td><td align=right>%7</td></tr>"
                          "<tr><td>Prepared at the end</td><td align=right>%8</td></tr></table>")
                           .arg(d.day.toString(Qt::ISODate))
                           .arg(d.received)
                           .arg(d.issued)
                           .arg(d.receiptsSigned)
                           .arg(d.returned)
                           .arg(d.spoiled)
                           .arg(d.inStockAtEnd)
                           .arg(d.preparedAtEnd);
        if (d.issuedWithoutReceipt() > 0)
            text += tr("<p><b>%n token(s) issued without a signed receipt:</b> look into them before the day ends.</p>",
                       nullptr, d.issuedWithoutReceipt());
        text += tr("<p>The daily summary on the Reports tab prints this for the head of the RA.</p>");
        QMessageBox box(QMessageBox::Information, tr("End of day"), text, QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("endOfDayBox"));
        box.exec();
    }

    const DeskContext& m_context;
    QComboBox* m_filter = nullptr;
    QLabel* m_readError = nullptr;
    QStandardItemModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_result = nullptr;
    bool m_wipeInFlight = false;
};

} // namespace

QWidget* newStockSection(MainWindow* window, const DeskContext& context)
{
    return new StockSection(window, context);
}

} // namespace tamga::ui
