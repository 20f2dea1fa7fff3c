// The Revocations tab: applications to revoke a certificate. The operator at the desk takes one (the certificate
// found by the officer's name or civil ID, its serial, or the handover receipt's QR scanned into the search field);
// a second supervisor signs in on the spot to approve or refuse it (never the operator who took it: core refuses
// and audits that); the form the officer signs is printed; sending it to the CA and confirming it from the CA's
// word run on the worker thread, so the window never waits on the network.
#include "Views.h"

#include "DisplayNames.h"
#include "ReceiptPrinting.h"
#include "RevocationForm.h"
#include "SecretField.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Files.h"
#include "tamga/core/Receipt.h"
#include "tamga/core/Revocations.h"
#include "tamga/core/Settings.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDate>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <optional>

namespace tamga::ui {

namespace {

// A new application: which certificate, why, the officer's words and the date of the event.
class NewApplicationDialog : public QDialog {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    // `lostToken`: the officer lost the token (Revocations::tokenLost): the reason is key compromise, the token is
    // lost in the stock, and a batch of one prepares the replacement.
    NewApplicationDialog(const DeskContext& context, bool lostToken, QWidget* parent)
        : QDialog(parent), m_context(context), m_lostToken(lostToken)
    {
        setWindowTitle(lostToken ? tr("Token lost") : tr("New revocation application"));
        auto* layout = new QVBoxLayout(this);
        auto* form = new QFormLayout;
        m_search = new QLineEdit(this);
        m_search->setPlaceholderText(tr("Officer's name or civil ID, certificate serial — or scan the receipt's QR"));
        form->addRow(tr("&Find:"), m_search);
        m_model = new QStandardItemModel(this);
        m_model->setHorizontalHeaderLabels({tr("Officer"), tr("Token"), tr("Valid until"), tr("Note"),
                                            tr("Certificate"), tr("Civil ID"), tr("Organization"), tr("CA")});
        m_table = makeTable(m_model, this);
        m_table->setMinimumHeight(140);
        form->addRow(tr("C&ertificate:"), m_table);
        m_reason = new QComboBox(this);
        for (const QString& reason : revocationReasonsOffered())
            m_reason->addItem(revocationReasonDisplayName(reason), reason);
        form->addRow(tr("&Reason:"), m_reason);
        if (lostToken) {
            m_reason->setCurrentIndex(m_reason->findData(QStringLiteral("keyCompromise")));
            m_reason->setEnabled(false);
        }
        m_statement = new QPlainTextEdit(this);
        m_statement->setTabChangesFocus(true);
        m_statement->setPlaceholderText(tr("What happened, in the officer's words"));
        m_statement->setMaximumHeight(90);
        form->addRow(tr("The officer's &statement:"), m_statement);
        m_eventDate = new QDateEdit(QDate::currentDate(), this);
        m_eventDate->setMaximumDate(QDate::currentDate());
        m_eventDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        m_eventDate->setCalendarPopup(true);
        form->addRow(tr("&Date of the event:"), m_eventDate);
        layout->addLayout(form);
        m_message = new QLabel(this);
        m_message->setWordWrap(true);
        m_message->setStyleSheet(QStringLiteral("color: #a00000"));
        layout->addWidget(m_message);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        buttons->button(QDialogButtonBox::Ok)
            ->setText(lostToken ? tr("&Take the application, token lost") : tr("&Take the application"));
        buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
        layout->addWidget(buttons);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        connect(buttons, &QDialogButtonBox::accepted, this, [this] { take(); });
        // Typed: looked up once the typing pauses; scanned (ends with Enter): at once, and the first match chosen.
        auto* pause = new QTimer(this);
        pause->setSingleShot(true);
        pause->setInterval(250);
        connect(pause, &QTimer::timeout, this, [this] { search(); });
        connect(m_search, &QLineEdit::textEdited, pause, qOverload<>(&QTimer::start));
        connect(m_search, &QLineEdit::returnPressed, this, [this, pause] {
            pause->stop();
            search();
            if (m_model->rowCount() > 0)
                m_table->setFocus();
        });
        resize(760, 520);
    }

    qint64 created() const { return m_created; }
    // With `lostToken`: what else was done.
    const core::LostTokenOutcome& lost() const { return m_lost; }

protected:
    // Enter only looks up what was typed or scanned (QDialogButtonBox makes its OK the default button when shown,
    // and a scanner ends with Enter): an application is taken by its button alone.
    void keyPressEvent(QKeyEvent* event) override
    {
        const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
        if (enter && !qobject_cast<QPushButton*>(focusWidget())) {
            event->accept();
            return;
        }
        QDialog::keyPressEvent(event);
    }

private:
    void search()
    {
        m_model->removeRows(0, m_model->rowCount());
        auto found = core::Revocations(*m_context.database).revocable(m_search->text());
        if (!found) {
            m_message->setText(found.error().message);
            return;
        }
        m_message->setText(found->empty() && !m_search->text().trimmed().isEmpty()
                               ? tr("No valid certificate matches. Try the civil ID or the serial.")
                               : QString());
        for (const core::RevocableCertificate& c : *found) {
            auto* officer = idItem(c.enrollmentId, c.officerName);
            officer->setData(c.openApplication, Qt::UserRole + 1);
            // What tells two certificates of one officer apart comes first: the token, the expiry, an application.
            m_model->appendRow(
                {officer, new QStandardItem(c.tokenSerial), new QStandardItem(c.notAfter.left(10)),
                 new QStandardItem(c.openApplication ? tr("application #%1 under way").arg(c.openApplication)
                                                     : QString()),
                 new QStandardItem(c.serialHex), new QStandardItem(c.civilId), new QStandardItem(c.organization),
                 new QStandardItem(c.caName)});
        }
        if (m_model->rowCount() > 0)
            m_table->selectRow(0);
    }

    void take()
    {
        const auto rows = m_table->selectionModel()->selectedRows();
        if (rows.isEmpty()) {
            m_message->setText(tr("Find the certificate first and choose it in the list."));
            m_search->setFocus();
            return;
        }
        const qint64 enrollmentId = rows.front().data(Qt::UserRole).toLongLong();
        const core::Revocations revocations(*m_context.database);
        const QString eventDate = m_eventDate->date().toString(Qt::ISODate);
        if (m_lostToken) {
            auto lost = revocations.tokenLost(m_context.signedIn, enrollmentId, m_statement->toPlainText(), eventDate);
            if (!lost) {
                m_message->setText(lost.error().message);
                return;
            }
            m_lost = *lost;
            m_created = lost->revocationId;
            accept();
            return;
        }
        auto id = revocations.apply(m_context.signedIn, enrollmentId, m_reason->currentData().toString(),
                                    m_statement->toPlainText(), eventDate);
        if (!id) {
            m_message->setText(id.error().message);
            return;
        }
        m_created = *id;
        accept();
    }

    const DeskContext& m_context;
    QLineEdit* m_search = nullptr;
    QStandardItemModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QComboBox* m_reason = nullptr;
    QPlainTextEdit* m_statement = nullptr;
    QDateEdit* m_eventDate = nullptr;
    QLabel* m_message = nullptr;
    bool m_lostToken = false;
    qint64 m_created = 0;
    core::LostTokenOutcome m_lost;
};

// A supervisor signs in on the spot for one decision (the desk stays signed in as it is): the second person of
// the two-person rule. `why`: also asks the reason of the decision.
class SupervisorDecisionDialog : public QDialog {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    SupervisorDecisionDialog(const DeskContext& context, const QString& title, const QString& explanation,
                             const QString& decision, bool askWhy, QWidget* parent)
        : QDialog(parent), m_context(context)
    {
        setWindowTitle(title);
        auto* layout = new QVBoxLayout(this);
        auto* text = new QLabel(explanation, this);
        text->setWordWrap(true);
        layout->addWidget(text);
        auto* form = new QFormLayout;
        m_name = new QLineEdit(this);
        form->addRow(tr("Supervisor's &name:"), m_name);
        m_password = new QLineEdit(this);
        m_password->setEchoMode(QLineEdit::Password);
        form->addRow(tr("&Password:"), m_password);
        if (askWhy) {
            m_why = new QLineEdit(this);
            form->addRow(tr("&Why:"), m_why);
        }
        layout->addLayout(form);
        m_message = new QLabel(this);
        m_message->setWordWrap(true);
        m_message->setStyleSheet(QStringLiteral("color: #a00000"));
        layout->addWidget(m_message);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        buttons->button(QDialogButtonBox::Ok)->setText(decision);
        buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
        layout->addWidget(buttons);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        connect(buttons, &QDialogButtonBox::accepted, this, [this] { attempt(); });
        resize(480, sizeHint().height());
    }

    // Called with the supervisor who signed in (and the reason); returns an error to show, or nothing when done.
    std::function<std::optional<QString>(const core::Operator&, const QString& why)> decide;

private:
    void attempt()
    {
        if (m_why && m_why->text().trimmed().isEmpty()) {
            m_message->setText(tr("Say why: it is kept with the application."));
            m_why->setFocus();
            return;
        }
        core::Password password = takeSecret(m_password);
        auto supervisor = core::Operators(*m_context.database).signIn(m_name->text().trimmed(), password);
        if (!supervisor) {
            m_message->setText(tr("Wrong operator name or password."));
            m_password->setFocus();
            return;
        }
        if (auto problem = decide(*supervisor, m_why ? m_why->text().trimmed() : QString())) {
            m_message->setText(*problem);
            m_name->setFocus();
            m_name->selectAll();
            return;
        }
        accept();
    }

    const DeskContext& m_context;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_why = nullptr;
    QLabel* m_message = nullptr;
};

class RevocationsView : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    RevocationsView(MainWindow* window, const DeskContext& context) : QWidget(window), m_context(context)
    {
        auto* layout = new QVBoxLayout(this);
        m_readError = newReadErrorLine(this);
        layout->addWidget(m_readError);
        auto* filters = new QHBoxLayout;
        m_show = new QComboBox(this);
        m_show->addItem(tr("Under way"), QStringLiteral("open"));
        m_show->addItem(tr("All"), QString());
        for (const auto state :
             {core::RevocationState::Received, core::RevocationState::Approved, core::RevocationState::Submitted,
              core::RevocationState::Confirmed, core::RevocationState::Refused, core::RevocationState::Withdrawn})
            m_show->addItem(revocationStateDisplayName(state), core::revocationStateName(state));
        auto* showLabel = new QLabel(tr("S&how:"), this);
        showLabel->setBuddy(m_show);
        filters->addWidget(showLabel);
        filters->addWidget(m_show);
        filters->addStretch();
        layout->addLayout(filters);
        m_model = new QStandardItemModel(this);
        m_model->setHorizontalHeaderLabels({tr("#"), tr("State"), tr("Officer"), tr("Certificate"), tr("CA"),
                                            tr("Reason"), tr("Taken by"), tr("Approved by"), tr("Note")});
        m_table = makeTable(m_model, this);
        layout->addWidget(m_table, 1);
        m_details = new QLabel(this);
        m_details->setWordWrap(true);
        m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(m_details);

        auto* buttons = new QHBoxLayout;
        auto* create = new QPushButton(tr("&New application…"), this);
        auto* lostToken = new QPushButton(tr("To&ken lost…"), this);
        m_approve = new QPushButton(tr("&Approve…"), this);
        m_refuse = new QPushButton(tr("Re&fuse…"), this);
        m_withdraw = new QPushButton(tr("&Withdraw…"), this);
        m_print = new QPushButton(tr("&Print the form…"), this);
        m_saveForm = new QPushButton(tr("Save the for&m as PDF…"), this);
        m_submit = new QPushButton(tr("Su&bmit to the CA"), this);
        m_confirm = new QPushButton(tr("&Confirm with the CA"), this);
        m_confirmCrl = new QPushButton(tr("Confirm with the CA's CR&L file…"), this);
        // Two rows: what happens at the desk, and what goes to the CA (one row would not fit a small screen).
        for (QPushButton* button : {create, lostToken, m_approve, m_refuse, m_withdraw, m_print, m_saveForm})
            buttons->addWidget(button);
        buttons->addStretch();
        layout->addLayout(buttons);
        auto* caButtons = new QHBoxLayout;
        for (QPushButton* button : {m_submit, m_confirm, m_confirmCrl})
            caButtons->addWidget(button);
        caButtons->addStretch();
        layout->addLayout(caButtons);
        m_result = new QLabel(this);
        m_result->setObjectName(QStringLiteral("revocationResult"));
        m_result->setWordWrap(true);
        m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(m_result);

        connect(m_show, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
        connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { selected(); });
        connect(create, &QPushButton::clicked, this, [this] { takeApplication(false); });
        connect(lostToken, &QPushButton::clicked, this, [this] { takeApplication(true); });
        connect(m_approve, &QPushButton::clicked, this, [this] { approve(); });
        connect(m_refuse, &QPushButton::clicked, this, [this] { refuse(); });
        connect(m_withdraw, &QPushButton::clicked, this, [this] { withdraw(); });
        connect(m_print, &QPushButton::clicked, this, [this] { printForm(); });
        connect(m_saveForm, &QPushButton::clicked, this, [this] { saveForm(); });
        connect(m_submit, &QPushButton::clicked, this, [this] { submit(); });
        connect(m_confirm, &QPushButton::clicked, this, [this] {
            if (const qint64 id = selectedId(m_table))
                startCaCall(id, [this, id] { m_context.worker->confirmRevocation(m_context.signedIn, id, {}); });
        });
        connect(m_confirmCrl, &QPushButton::clicked, this, [this] {
            const qint64 id = selectedId(m_table);
            if (!id)
                return;
            const QString crl = chooseOpenPath(this, tr("The CA's CRL file"), false);
            if (!crl.isEmpty())
                startCaCall(id, [this, id, crl] { m_context.worker->confirmRevocation(m_context.signedIn, id, crl); });
        });
        connect(m_context.worker, &core::DeskWorker::revocationFinished, this,
                [this](qint64 id, bool succeeded, const QString& message) {
                    m_waiting = 0;
                    m_result->setText(succeeded ? message : tr("Application #%1: %2").arg(id).arg(message));
                    m_result->setStyleSheet(succeeded ? QString() : QStringLiteral("color: #a00000"));
                    m_resultFor = id;
                    refresh(id);
                });
        refresh();
    }

protected:
    void showEvent(QShowEvent* event) override
    {
        QWidget::showEvent(event);
        refresh(selectedId(m_table));
    }

private:
    void refresh(qint64 keep = 0)
    {
        if (!keep)
            keep = selectedId(m_table);
        m_model->removeRows(0, m_model->rowCount());
        const QString show = m_show->currentData().toString();
        auto all = core::Revocations(*m_context.database).list(core::parseRevocationState(show));
        showReadError(m_readError, all ? QString() : all.error().message);
        if (!all) {
            selected();
            return;
        }
        m_applications.clear();
        for (const core::RevocationApplication& a : *all) {
            const bool underWay = a.state == core::RevocationState::Received ||
                                  a.state == core::RevocationState::Approved ||
                                  a.state == core::RevocationState::Submitted;
            if (show == QStringLiteral("open") && !underWay)
                continue;
            const QString note = a.state == core::RevocationState::Confirmed ? a.confirmation
                                 : a.closingNote.isEmpty()                   ? a.lastError
                                                                             : a.closingNote;
            m_model->appendRow(
                {idItem(a.id, QString::number(a.id)), new QStandardItem(revocationStateDisplayName(a.state)),
                 new QStandardItem(a.officerName), new QStandardItem(a.certificateSerialHex),
                 new QStandardItem(a.caName), new QStandardItem(revocationReasonDisplayName(a.reason)),
                 new QStandardItem(a.takenBy), new QStandardItem(a.approvedBy), new QStandardItem(note)});
            m_applications.insert(a.id, a);
        }
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->item(row, 0)->data(Qt::UserRole).toLongLong() == keep)
                m_table->selectRow(row);
        }
        selected();
    }

    // The buttons that fit the selected application's state, and what it says.
    void selected()
    {
        const qint64 id = selectedId(m_table);
        const auto found = m_applications.constFind(id);
        const bool has = id != 0 && found != m_applications.constEnd();
        const core::RevocationState state = has ? found->state : core::RevocationState::Refused;
        const bool idle = m_waiting == 0;
        m_approve->setEnabled(has && state == core::RevocationState::Received);
        m_refuse->setEnabled(has &&
                             (state == core::RevocationState::Received || state == core::RevocationState::Approved));
        m_withdraw->setEnabled(m_refuse->isEnabled());
        m_print->setEnabled(has);
        m_saveForm->setEnabled(has);
        m_submit->setEnabled(idle && has && state == core::RevocationState::Approved);
        m_confirm->setEnabled(idle && has && state == core::RevocationState::Submitted);
        m_confirmCrl->setEnabled(m_confirm->isEnabled());
        if (!has) {
            m_details->clear();
            return;
        }
        QString details = tr("Application #%1 for %2, certificate %3: %4. Event of %5. The officer's statement: "
                             "“%6”")
                              .arg(found->id)
                              .arg(found->officerName, found->certificateSerialHex,
                                   revocationReasonDisplayName(found->reason), found->eventDate, found->statement);
        if (!found->closingNote.isEmpty())
            details += QLatin1Char(' ') + tr("Closed because: “%1”").arg(found->closingNote);
        if (found->formSha256.isEmpty() && found->state == core::RevocationState::Received)
            details += QLatin1Char(' ') + tr("The form is not printed yet: print it for the officer to sign.");
        m_details->setText(details);
        // The line under the buttons speaks of one application: not of another one chosen since.
        if (m_resultFor != id) {
            m_result->clear();
            m_resultFor = 0;
        }
    }

    void takeApplication(bool lostToken)
    {
        NewApplicationDialog dialog(m_context, lostToken, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        m_show->setCurrentIndex(0);
        if (lostToken)
            showDone(dialog.created(),
                     tr("Application #%1 taken; the token is lost in the stock; the officer's new token waits in the "
                        "batch of one #%2 (Desk: Batches open). Print the form for the officer to sign; a second "
                        "supervisor approves it.")
                         .arg(dialog.created())
                         .arg(dialog.lost().replacementBatch));
        else
            showDone(dialog.created(), tr("Application #%1 taken. Print the form for the officer to sign; a second "
                                          "supervisor approves it.")
                                           .arg(dialog.created()));
    }

    void approve()
    {
        const qint64 id = selectedId(m_table);
        if (!id)
            return;
        SupervisorDecisionDialog dialog(
            m_context, tr("Approve application #%1").arg(id),
            tr("A supervisor other than the operator who took the application approves it (the two-person rule), "
               "having checked the form the officer signed."),
            tr("Approve"), false, this);
        dialog.decide = [this, id](const core::Operator& supervisor, const QString&) -> std::optional<QString> {
            auto approved = core::Revocations(*m_context.database).approve(supervisor, id);
            if (!approved)
                return approved.error().message;
            return std::nullopt;
        };
        if (dialog.exec() == QDialog::Accepted)
            showDone(id, tr("Application #%1 approved. Submit it to the CA.").arg(id));
        else
            refresh(id); // a refusal of the two-person rule is on record; the list shows what stands
    }

    void refuse()
    {
        const qint64 id = selectedId(m_table);
        if (!id)
            return;
        SupervisorDecisionDialog dialog(m_context, tr("Refuse application #%1").arg(id),
                                        tr("A supervisor turns the application down; the reason is kept with it."),
                                        tr("Refuse"), true, this);
        dialog.decide = [this, id](const core::Operator& supervisor, const QString& why) -> std::optional<QString> {
            auto refused = core::Revocations(*m_context.database).refuse(supervisor, id, why);
            if (!refused)
                return refused.error().message;
            return std::nullopt;
        };
        if (dialog.exec() == QDialog::Accepted)
            showDone(id, tr("Application #%1 refused.").arg(id));
    }

    void withdraw()
    {
        const qint64 id = selectedId(m_table);
        if (!id)
            return;
        // Asked again until there is a reason or the clerk cancels: what was typed is kept.
        QString why;
        QString label = tr("The officer withdraws the application because:");
        for (;;) {
            bool given = false;
            why = QInputDialog::getText(this, tr("Withdraw application #%1").arg(id), label, QLineEdit::Normal, why,
                                        &given);
            if (!given)
                return;
            auto withdrawn = core::Revocations(*m_context.database).withdraw(m_context.signedIn, id, why);
            if (withdrawn)
                break;
            label =
                withdrawn.error().message + QLatin1Char('\n') + tr("The officer withdraws the application because:");
        }
        showDone(id, tr("Application #%1 withdrawn.").arg(id));
    }

    // The form and the certificate it is about, or nothing (a message was shown).
    std::optional<std::pair<core::RevocationApplication, core::ReceiptData>> formContent(qint64 id)
    {
        auto application = core::Revocations(*m_context.database).find(id);
        auto certificate = application ? core::Receipts(*m_context.database).data(application->enrollmentId)
                                       : std::unexpected(application.error());
        if (!certificate) {
            QMessageBox::warning(this, tr("Revocation form"), certificate.error().message);
            return std::nullopt;
        }
        return std::pair(*application, *certificate);
    }

    // Where a form is kept by default: the desk's forms folder (private, like the database beside it).
    QString defaultFormPath(qint64 id) const
    {
        const QString folder = m_context.dataDir + QStringLiteral("/revocation-forms");
        if (QDir().mkpath(folder))
            QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        return folder + QStringLiteral("/revocation-%1-%2.pdf").arg(id).arg(QDate::currentDate().toString(Qt::ISODate));
    }

    // The form kept as a PDF at `path`, its SHA-256 recorded with the application, as receipts are.
    void keepForm(qint64 id, const core::RevocationApplication& application, const core::ReceiptData& certificate,
                  const QString& path)
    {
        const QByteArray pdf = revocationFormPdf(application, certificate);
        if (pdf.isEmpty()) {
            QMessageBox::warning(this, tr("Revocation form"), tr("The form could not be laid out."));
            return;
        }
        if (auto written = core::writePrivateFile(path, pdf); !written) {
            QMessageBox::warning(this, tr("Revocation form"), written.error().message);
            return;
        }
        const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());
        if (auto recorded = core::Revocations(*m_context.database).recordForm(m_context.signedIn, id, sha256);
            !recorded) {
            QMessageBox::warning(this, tr("Revocation form"), recorded.error().message);
            return;
        }
        showDone(id, tr("The form of application #%1 is kept as %2.").arg(id).arg(path));
    }

    // Print preview of the form; once printed, the same form is kept in the desk's forms folder.
    void printForm()
    {
        const qint64 id = selectedId(m_table);
        auto content = id ? formContent(id) : std::nullopt;
        if (!content)
            return;
        QPrinter printer(QPrinter::HighResolution);
        printer.setPageSize(QPageSize(QPageSize::A4));
        printer.setFullPage(true);
        QPrintPreviewDialog preview(&printer, this);
        preview.setWindowTitle(tr("Revocation application #%1 — print preview").arg(id));
        connect(&preview, &QPrintPreviewDialog::paintRequested, &preview, [&](QPrinter* device) {
            QPainter painter(device);
            paintRevocationForm(*device, painter, content->first, content->second);
        });
        if (preview.exec() == QDialog::Accepted)
            keepForm(id, content->first, content->second, defaultFormPath(id));
    }

    // The form saved as a PDF where the clerk chooses (to print elsewhere, or send).
    void saveForm()
    {
        const qint64 id = selectedId(m_table);
        auto content = id ? formContent(id) : std::nullopt;
        if (!content)
            return;
        const QString path = chooseSavePath(this, defaultFormPath(id));
        if (!path.isEmpty())
            keepForm(id, content->first, content->second, path);
    }

    // To an offline CA, when the desk's setting names its own certificate, the desk token's PIN signs the request.
    void submit()
    {
        const qint64 id = selectedId(m_table);
        const auto found = m_applications.constFind(id);
        if (!id || found == m_applications.constEnd())
            return;
        std::optional<Pin> deskTokenPin;
        auto ca = core::CaConnectors(*m_context.database, m_context.dataDir).find(found->caName);
        auto signer = core::Settings(*m_context.database).manifestSigner();
        if (ca && ca->type == QStringLiteral("files") && signer && *signer) {
            deskTokenPin = askPin(this, tr("Submit application #%1").arg(id),
                                  tr("The desk's own token signs the request for the offline CA. Its PIN:"));
            if (!deskTokenPin)
                return;
        }
        startCaCall(id, [this, id, pin = std::make_shared<std::optional<Pin>>(std::move(deskTokenPin))] {
            m_context.worker->submitRevocation(m_context.signedIn, id, std::move(*pin));
        });
    }

    // Sending and confirming reach the CA: on the worker, the buttons off until it answers.
    void startCaCall(qint64 id, const std::function<void()>& call)
    {
        m_waiting = id;
        selected();
        m_result->setStyleSheet(QString());
        m_result->setText(tr("Application #%1: asking the CA…").arg(id));
        m_resultFor = id;
        call();
    }

    void showDone(qint64 id, const QString& message)
    {
        m_result->setStyleSheet(QString());
        m_result->setText(message);
        m_resultFor = id;
        refresh(id);
    }

    const DeskContext& m_context;
    QComboBox* m_show = nullptr;
    QStandardItemModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_readError = nullptr;
    QLabel* m_details = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_refuse = nullptr;
    QPushButton* m_withdraw = nullptr;
    QPushButton* m_print = nullptr;
    QPushButton* m_saveForm = nullptr;
    QPushButton* m_submit = nullptr;
    QPushButton* m_confirm = nullptr;
    QPushButton* m_confirmCrl = nullptr;
    QHash<qint64, core::RevocationApplication> m_applications;
    qint64 m_waiting = 0;   // the application whose CA call is under way
    qint64 m_resultFor = 0; // the application the line under the buttons speaks of
};

} // namespace

QWidget* newRevocationsView(MainWindow* window, const DeskContext& context)
{
    return new RevocationsView(window, context);
}

} // namespace tamga::ui
