// The batch session room: a batch worked token after token. Each blank token plugged in is taken for the next
// officer without a click (in person, once the officer has typed a PIN and pressed Enter); a token that comes
// back resumes its officer's enrollment, and a certificate that came from the CA is written onto its token. The
// work runs on the desk's worker (DeskWorker::runBatchRound); this window never waits for it. A supervisor's prepared
// batch can have several tokens worked at once (a USB hub): the worker then starts tamga-cli processes, one per
// token, and the table follows their progress. A session can be paused and closed; the batch is continued later, here
// or on another desk, from what the database says.
#include "Views.h"

#include "DisplayNames.h"
#include "EnrollmentWizard.h"
#include "ReceiptPrinting.h"
#include "ReportRenderer.h"
#include "SecretField.h"
#include "tamga/core/Batches.h"
#include "tamga/core/Reports.h"
#include "tamga/core/SealedSecrets.h"
#include "tamga/core/Settings.h"

#include <QCoreApplication>
#include <QDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizard>

namespace tamga::ui {

namespace {

class BatchRoom : public QDialog {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    BatchRoom(MainWindow* window, const DeskContext& context, qint64 batchId)
        : QDialog(window), m_window(window), m_context(context), m_batchId(batchId)
    {
        setObjectName(QStringLiteral("batchRoom"));
        setAttribute(Qt::WA_DeleteOnClose);
        resize(1000, 640);
        auto* layout = new QVBoxLayout(this);
        m_readError = newReadErrorLine(this);
        layout->addWidget(m_readError);
        m_title = new QLabel(this);
        layout->addWidget(m_title);
        m_progress = new QProgressBar(this);
        layout->addWidget(m_progress);

        m_next = new QLabel(this);
        m_next->setObjectName(QStringLiteral("nextOfficer"));
        QFont big = m_next->font();
        big.setPointSize(big.pointSize() + 6);
        m_next->setFont(big);
        m_next->setWordWrap(true);
        layout->addWidget(m_next);
        m_status = new QLabel(this);
        m_status->setObjectName(QStringLiteral("sessionStatus"));
        m_status->setWordWrap(true);
        layout->addWidget(m_status);

        auto* secrets = new QFormLayout;
        m_secrets = secrets;
        m_password = secretField(QStringLiteral("supervisorPassword"));
        m_soPin = secretField(QStringLiteral("soPin"));
        m_pin = secretField(QStringLiteral("officerPin"));
        m_pinAgain = secretField(QStringLiteral("officerPinAgain"));
        secrets->addRow(tr("Your pass&word (unlocks the desk key that seals each token's PINs):"), m_password);
        secrets->addRow(tr("The RA's S&O PIN for new tokens:"), m_soPin);
        // A USB hub: that many tokens are worked side by side, each by a worker process (a prepared batch: the
        // supervisor's password goes to each worker through a pipe).
        m_tokensAtOnce = new QSpinBox(this);
        m_tokensAtOnce->setObjectName(QStringLiteral("tokensAtOnce"));
        m_tokensAtOnce->setRange(1, core::kMostParallelTokens);
        secrets->addRow(tr("Tokens worked at o&nce (a USB hub):"), m_tokensAtOnce);
        secrets->addRow(tr("The officer's P&IN:"), m_pin);
        secrets->addRow(tr("The officer's PIN a&gain:"), m_pinAgain);
        layout->addLayout(secrets);

        m_members = new QTableWidget(0, 5, this);
        m_members->setObjectName(QStringLiteral("members"));
        m_members->setHorizontalHeaderLabels({tr("#"), tr("Officer"), tr("Organization"), tr("State"), tr("Token")});
        m_members->horizontalHeader()->setStretchLastSection(true);
        m_members->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_members->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_members->verticalHeader()->hide();
        layout->addWidget(m_members, 2);
        m_log = new QListWidget(this);
        m_log->setObjectName(QStringLiteral("sessionLog"));
        m_log->setWordWrap(true); // an officer's line with the token's error is read whole, not scrolled sideways
        layout->addWidget(m_log, 1);

        auto* buttons = new QHBoxLayout;
        m_startPause = new QPushButton(this);
        m_startPause->setObjectName(QStringLiteral("startPause"));
        auto* handOver = new QPushButton(tr("&Hand-over session for the selected officer's organization…"), this);
        handOver->setObjectName(QStringLiteral("handOverSession"));
        auto* tokenLost = new QPushButton(tr("Selected officer's token &lost…"), this);
        tokenLost->setObjectName(QStringLiteral("tokenLost"));
        // An offline CA: the requests leave as a sealed bundle, and its answer comes back here.
        auto* exportBundle = new QPushButton(tr("E&xport the sealed bundle…"), this);
        exportBundle->setObjectName(QStringLiteral("exportBundle"));
        auto* importAnswer = new QPushButton(tr("Import the CA's answe&r…"), this);
        importAnswer->setObjectName(QStringLiteral("importAnswer"));
        auto* closeButton = new QPushButton(tr("&Close"), this);
        // Enter belongs to the fields (a password, an officer's PIN): no button of this window takes it as well.
        for (QPushButton* button : {m_startPause, handOver, tokenLost, exportBundle, importAnswer, closeButton})
            button->setAutoDefault(false);
        buttons->addWidget(m_startPause);
        buttons->addWidget(handOver);
        buttons->addWidget(tokenLost);
        buttons->addWidget(exportBundle);
        buttons->addWidget(importAnswer);
        buttons->addStretch(1);
        buttons->addWidget(closeButton);
        layout->addLayout(buttons);

        connect(m_startPause, &QPushButton::clicked, this, [this] { m_running ? pause() : start(); });
        connect(closeButton, &QPushButton::clicked, this, &QDialog::close);
        connect(handOver, &QPushButton::clicked, this, [this] { handOverSession(); });
        connect(tokenLost, &QPushButton::clicked, this, [this] { releaseLostToken(); });
        connect(exportBundle, &QPushButton::clicked, this, [this] { exportSealedBundle(); });
        connect(importAnswer, &QPushButton::clicked, this, [this] { importCaAnswer(); });
        connect(m_context.worker, &core::DeskWorker::bundleExported, this,
                [this](qint64 batchId, const core::SealedBundle& bundle, const QString& error) {
                    if (batchId == m_batchId)
                        bundleExported(bundle, error);
                });
        connect(m_context.worker, &core::DeskWorker::answerImported, this,
                [this](qint64 batchId, const core::AnswerReport& report, const QString& error) {
                    if (batchId == m_batchId)
                        answerImported(report, error);
                });
        // Enter in the officer's second PIN field: the officer is done typing, the work on their token begins.
        connect(m_pinAgain, &QLineEdit::returnPressed, this, [this] { tryRound(); });
        connect(m_pin, &QLineEdit::returnPressed, m_pinAgain, qOverload<>(&QWidget::setFocus));
        for (QLineEdit* field : {m_password, m_soPin})
            connect(field, &QLineEdit::returnPressed, this, [this] { start(); });
        connect(m_context.worker, &core::DeskWorker::tokensChanged, this, [this] {
            m_waitForTokens = false;
            tryRound();
        });
        connect(m_context.worker, &core::DeskWorker::batchProgress, this,
                [this](qint64 batchId, core::EnrollmentState state, const QString& message) {
                    if (batchId != m_batchId)
                        return;
                    // A worker that could not begin says so in its own words; the steps are said in the desk's
                    // language, as the wizard says them.
                    if (message.startsWith(QStringLiteral("error: ")))
                        m_log->addItem(message);
                    else
                        m_status->setText(tr("Working: %1").arg(stateDisplayName(state)));
                    // Tokens worked side by side move on together: the table follows, at most twice a second.
                    if (!m_refreshPending) {
                        m_refreshPending = true;
                        QTimer::singleShot(500, this, [this] {
                            m_refreshPending = false;
                            refresh();
                        });
                    }
                });
        connect(m_context.worker, &core::DeskWorker::batchRoundFinished, this,
                [this](qint64 batchId, int done, int failed, int, const QStringList& lines, const QString& error) {
                    if (batchId == m_batchId)
                        roundFinished(done, failed, lines, error);
                });
        refresh();
        showSecretsNeeded();
        updateStartPause();
        // The first thing to type has the focus: the supervisor's password, or a clerk's SO PIN.
        if (supervisor())
            m_password->setFocus();
        else if (needsTypedSoPin())
            m_soPin->setFocus();
        showNext();
        m_status->setText(supervisor()        ? tr("Type your password and press Enter to start the session.")
                          : needsTypedSoPin() ? tr("Type the RA's SO PIN for new tokens and press Enter to start the "
                                                   "session.")
                          : inPerson()        ? QString()
                                              : tr("Tokens prepared in advance get PINs only the desk knows: a "
                                                          "supervisor runs this batch."));
        // A clerk's in-person session on a desk that seals each token's SO PIN itself has nothing to type first:
        // it starts at once, and asks the first officer for a PIN.
        if (!supervisor() && inPerson() && !needsTypedSoPin())
            start();
    }

    // Who comes next, before the session starts (and as it goes on).
    const core::BatchMember* showNext()
    {
        bool tokenReady = false;
        const core::BatchMember* next = nextOfficer(tokenReady);
        // The context named outright: lupdate files a tr() in a function returning core::… under "core".
        m_next->setText(next ? QCoreApplication::translate("MainWindow", "Next: %1 (%2)")
                                   .arg(next->officerName, next->organizationName)
                             : QCoreApplication::translate("MainWindow", "Every officer of this batch has a token."));
        return next;
    }

private:
    QLineEdit* secretField(const QString& name)
    {
        auto* field = new QLineEdit(this);
        field->setObjectName(name);
        field->setEchoMode(QLineEdit::Password);
        return field;
    }

    bool inPerson() const { return m_batch.mode == core::BatchMode::InPerson; }
    bool supervisor() const { return m_context.signedIn.role == core::Role::Supervisor; }
    // A clerk's in-person session types the RA's SO PIN only on a desk whose key no supervisor has unlocked yet:
    // otherwise each new token's random SO PIN is sealed to the desk's public sealing key.
    bool needsTypedSoPin() const
    {
        if (supervisor() || !inPerson())
            return false;
        auto sealing = core::SealedSecrets(*m_context.database).sealingKey();
        return !sealing || !sealing->has_value();
    }
    // Prepared tokens side by side: a supervisor's session, on a desk that has the worker program.
    bool hubPossible() const { return supervisor() && !inPerson() && m_context.worker->canWorkInParallel(); }

    // The secrets a session needs: a supervisor's desk key (random PINs sealed), else a clerk's SO PIN for new
    // tokens; in person, each officer's PIN. A prepared batch is a supervisor's.
    void showSecretsNeeded()
    {
        m_secrets->setRowVisible(m_password, supervisor() && !m_deskKey);
        m_secrets->setRowVisible(m_soPin, needsTypedSoPin() && !m_soPinHeld);
        m_secrets->setRowVisible(m_tokensAtOnce, hubPossible());
        m_secrets->setRowVisible(m_pin, inPerson());
        m_secrets->setRowVisible(m_pinAgain, inPerson());
    }

    void refresh()
    {
        auto batch = core::Batches(*m_context.database).find(m_batchId);
        auto members = core::Batches(*m_context.database).members(m_batchId);
        showReadError(m_readError,
                      batch && members ? QString() : (batch ? members.error().message : batch.error().message));
        if (!batch || !members)
            return;
        m_batch = *batch;
        m_memberList = *members;
        setWindowTitle(tr("Batch session — %1").arg(m_batch.name));
        m_title->setText(
            tr("<h2>%1</h2>%2 · profile %3 · CA %4")
                .arg(m_batch.name.toHtmlEscaped(),
                     inPerson() ? tr("the officers are at the desk") : tr("tokens prepared before the officers come"),
                     m_batch.profileName.toHtmlEscaped(), m_batch.caName.toHtmlEscaped()));
        m_progress->setRange(0, std::max(1, m_batch.members));
        m_progress->setValue(m_batch.verified);
        m_progress->setFormat(
            tr("%1 of %2 with the certificate on the token").arg(m_batch.verified).arg(m_batch.members));
        m_members->setRowCount(static_cast<int>(m_memberList.size()));
        for (int row = 0; row < static_cast<int>(m_memberList.size()); ++row) {
            const core::BatchMember& m = m_memberList[static_cast<std::size_t>(row)];
            const QStringList cells{QString::number(m.position), m.officerName, m.organizationName,
                                    m.enrollment ? stateDisplayName(m.enrollment->state) : tr("waiting for a token"),
                                    m.enrollment ? m.enrollment->tokenSerial : QString()};
            for (int column = 0; column < cells.size(); ++column)
                m_members->setItem(row, column, new QTableWidgetItem(cells[column]));
        }
        m_members->resizeColumnsToContents();
        showNext();
    }

    // Whose token the next round works: an officer whose token is plugged in again (interrupted, or a certificate
    // waiting for it), else with a blank token the next officer waiting.
    const core::BatchMember* nextOfficer(bool& tokenReady) const
    {
        QSet<QString> plugged;
        bool blank = false;
        for (const core::TokenSnapshot& token : m_context.worker->tokens()) {
            if (token.flags.tokenInitialized)
                plugged.insert(token.serialText());
            else
                blank = true;
        }
        for (const core::BatchMember& m : m_memberList) {
            if (m.enrollment && core::isInterrupted(m.enrollment->state) && !m.enrollment->tokenSerial.isEmpty() &&
                plugged.contains(m.enrollment->tokenSerial)) {
                tokenReady = true;
                return &m;
            }
        }
        tokenReady = blank;
        for (const core::BatchMember& m : m_memberList) {
            if (!m.enrollment ||
                (m.enrollment->state == core::EnrollmentState::Created && m.enrollment->tokenSerial.isEmpty()))
                return &m;
        }
        tokenReady = false;
        return nullptr;
    }

    // An officer whose enrollment stopped part-way on a token that is not plugged in now.
    const core::BatchMember* officerWithTokenAway() const
    {
        QSet<QString> plugged;
        for (const core::TokenSnapshot& token : m_context.worker->tokens())
            plugged.insert(token.serialText());
        for (const core::BatchMember& m : m_memberList) {
            if (m.enrollment && core::isInterrupted(m.enrollment->state) && !m.enrollment->tokenSerial.isEmpty() &&
                !plugged.contains(m.enrollment->tokenSerial))
                return &m;
        }
        return nullptr;
    }

    void start()
    {
        if (!inPerson() && !supervisor()) {
            m_status->setText(tr("Tokens prepared in advance get PINs only the desk knows: a supervisor runs this "
                                 "batch."));
            return;
        }
        if (supervisor() && !m_deskKey) {
            core::Password password = takeSecret(m_password);
            auto unlocked = core::SealedSecrets(*m_context.database).unlock(m_context.signedIn.name, password);
            if (!unlocked) {
                m_status->setText(unlocked.error().message);
                m_password->setFocus();
                return;
            }
            m_deskKey = std::make_shared<const core::DeskKey>(std::move(*unlocked));
            // Worker processes sign in themselves: the password is held for the session, wiped when the room
            // closes.
            if (hubPossible())
                m_sessionPassword = std::move(password);
        }
        if (needsTypedSoPin() && !m_soPinHeld) {
            if (m_soPin->text().isEmpty()) {
                m_status->setText(tr("Type the RA's SO PIN for new tokens, then Enter."));
                m_soPin->setFocus();
                return;
            }
            m_soPinHeld = takeSecret(m_soPin); // held for the session, wiped when the room closes
        }
        m_running = true;
        showSecretsNeeded();
        updateStartPause();
        // The officers' table follows the work; a stray arrow key must not change the hub's size meanwhile.
        if (!inPerson())
            m_members->setFocus();
        tryRound();
    }

    void pause()
    {
        m_running = false;
        updateStartPause();
        m_status->setText(m_roundInFlight ? tr("Pausing: the tokens in hand are finished first.")
                                          : tr("Paused. Continue with Alt+S; the batch can also be continued "
                                               "another day."));
    }

    // Alt+S starts, Alt+P pauses: the button's mnemonic follows the state.
    void updateStartPause() { m_startPause->setText(m_running ? tr("&Pause the session") : tr("&Start the session")); }

    void tryRound()
    {
        if (!m_running || m_roundInFlight)
            return;
        bool tokenReady = false;
        const core::BatchMember* next = nextOfficer(tokenReady);
        showNext();
        if (!next) {
            if (const core::BatchMember* away = officerWithTokenAway()) {
                m_status->setText(tr("%1's token is out: plug it in again to go on with it.").arg(away->officerName));
                return;
            }
            // Every officer has a token: the session is over (Alt+S starts it again when certificates come back).
            m_running = false;
            updateStartPause();
            m_status->setText(tr("Nothing waits for a token here. Certificates still at the CA are written when "
                                 "their tokens come back."));
            return;
        }
        if (!tokenReady || m_waitForTokens) {
            // An officer whose work stopped (a pulled token) hears why, and that their token goes in again.
            QString text;
            if (next->enrollment && !next->enrollment->lastError.isEmpty())
                text =
                    tr("%1's token stopped: %2. Plug it in again.").arg(next->officerName, next->enrollment->lastError);
            else
                text = m_waitForTokens ? tr("Plug the token in again, or another blank token.")
                                       : tr("Plug in a blank token for %1.").arg(next->officerName);
            // The session goes on with the next officer while a stopped officer's token is out: that one is
            // named too, so that the token is not forgotten in a drawer.
            if (const core::BatchMember* away = officerWithTokenAway(); away && away != next)
                text += QLatin1Char(' ') +
                        tr("%1's token is out: plug it in again to go on with it.").arg(away->officerName);
            m_status->setText(text);
            return;
        }
        core::BatchJob job;
        job.by = m_context.signedIn;
        job.batchId = m_batchId;
        job.deskKey = m_deskKey;
        if (inPerson()) {
            if (m_pin->text().isEmpty() || m_pin->text() != m_pinAgain->text()) {
                m_status->setText(m_pin->text().isEmpty()
                                      ? tr("%1: type your PIN twice, then Enter.").arg(next->officerName)
                                      : tr("The two PINs differ: type them again."));
                if (!m_pin->text().isEmpty()) {
                    m_pin->clear();
                    m_pinAgain->clear();
                }
                m_pin->setFocus();
                return;
            }
            job.userPin = takeSecret(m_pin);
            m_pinAgain->clear();
            if (!m_deskKey && m_soPinHeld)
                job.soPin = Pin(m_soPinHeld->view());
        }
        m_roundInFlight = true;
        if (hubPossible() && m_sessionPassword && m_tokensAtOnce->value() > 1) {
            job.tokensAtOnce = m_tokensAtOnce->value();
            job.password = core::Password(m_sessionPassword->view());
            m_status->setText(tr("Working on up to %1 tokens side by side…").arg(job.tokensAtOnce));
        } else {
            m_status->setText(tr("Working on the token for %1…").arg(next->officerName));
        }
        m_context.worker->runBatchRound(std::move(job));
    }

    void roundFinished(int done, int failed, const QStringList& lines, const QString& error)
    {
        m_roundInFlight = false;
        if (!error.isEmpty())
            m_log->addItem(error);
        for (const QString& line : lines)
            m_log->addItem(line);
        m_log->scrollToBottom();
        refresh();
        Q_EMIT m_window->enrollmentsChanged();
        // After a failure the same token would fail the same way, and a round that found nothing to do (the list
        // of tokens it was started from was older than the worker's look) would find nothing again: either way the
        // next round waits until a token comes or goes.
        m_waitForTokens = failed > 0 || !error.isEmpty() || lines.isEmpty();
        if (m_waitForTokens)
            m_status->setText(tr("Stopped: %1 The officer can be resumed when the token is back.")
                                  .arg(error.isEmpty() ? lines.value(lines.size() - 1) : error));
        else if (done > 0)
            m_status->setText(tr("Done. Pull the token out; the next one can go in."));
        if (!m_running)
            pause();
        tryRound();
    }

    // The selected officer's token is lost or broken before its request went to the CA: after the clerk says what
    // happened, the officer waits for a new token (Batches::tokenLost checks, cancels and audits).
    void releaseLostToken()
    {
        const int row = m_members->currentRow();
        if (row < 0 || row >= static_cast<int>(m_memberList.size())) {
            m_status->setText(tr("Select the officer whose token is lost, then Alt+L."));
            m_members->setFocus();
            return;
        }
        const core::BatchMember member = m_memberList[static_cast<std::size_t>(row)];
        bool ok = false;
        const QString reason = QInputDialog::getText(
            this, tr("Token lost"),
            tr("What happened to %1's token %2? The enrollment is cancelled and the officer waits for a new token.")
                .arg(member.officerName, member.enrollment ? member.enrollment->tokenSerial : QString()),
            QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return;
        auto released =
            core::Batches(*m_context.database).tokenLost(m_context.signedIn, m_batchId, member.officerId, reason);
        m_log->addItem(released
                           ? tr("%1's token is marked lost; the officer waits for a new token.").arg(member.officerName)
                           : released.error().message);
        m_log->scrollToBottom();
        refresh();
        Q_EMIT m_window->enrollmentsChanged();
        m_waitForTokens = false;
        tryRound();
    }

    // The batch's requests waiting at its offline CA, sealed into a folder with bundle.json (and its signature by the
    // desk's own token when the desk's setting names its certificate: its PIN is asked here), on the worker.
    void exportSealedBundle()
    {
        const QString folder = chooseOpenPath(this, tr("The folder for the sealed bundle (empty, or new)"), true);
        if (folder.isEmpty())
            return;
        std::optional<Pin> signerPin;
        auto configured = core::Settings(*m_context.database).manifestSigner();
        if (configured && *configured) {
            signerPin = askPin(this, tr("Sign the bundle"), tr("The PIN of the desk's own token:"));
            if (!signerPin)
                return;
        }
        m_status->setText(tr("Sealing the bundle…"));
        m_context.worker->exportBundle(m_context.signedIn, m_batchId, folder, std::move(signerPin));
    }

    void bundleExported(const core::SealedBundle& bundle, const QString& error)
    {
        if (!error.isEmpty()) {
            m_status->setText(error);
            m_log->addItem(error);
            return;
        }
        // The cover sheet goes with the folder: the manifest's SHA-256 that the CA's operator compares by eye.
        const QString cover = bundle.folder + QStringLiteral("/cover.pdf");
        const QString coverError =
            writeReportPdf(core::Reports::bundleCover(bundle, m_batchId, m_batch.name, m_context.signedIn.name), cover);
        m_log->addItem(
            tr("%n request(s) sealed in %1; manifest SHA-256 %2.", nullptr, static_cast<int>(bundle.entries.size()))
                .arg(bundle.folder, bundle.manifestSha256));
        if (!bundle.signerFingerprint.isEmpty())
            m_log->addItem(tr("Signed by the desk's certificate (SHA-256 %1).").arg(bundle.signerFingerprint));
        m_log->addItem(coverError.isEmpty() ? tr("Print %1 and take it with the folder to the CA.").arg(cover)
                                            : tr("The cover sheet could not be written: %1").arg(coverError));
        m_log->scrollToBottom();
        m_status->setText(tr("The bundle is sealed. When the CA answers, Alt+R imports its answer."));
        refresh();
    }

    // The CA's answer: one PKCS#7 (or PEM, DER) file, or the answer's folder (any file in it is chosen).
    void importCaAnswer()
    {
        const QString chosen =
            chooseOpenPath(this, tr("The CA's answer: its PKCS#7 file, or any file in the answer's folder"), false);
        if (chosen.isEmpty())
            return;
        const QFileInfo file(chosen);
        static const QStringList kAnswerFiles{QStringLiteral("p7b"), QStringLiteral("p7c"), QStringLiteral("p7"),
                                              QStringLiteral("pem"), QStringLiteral("der"), QStringLiteral("crt"),
                                              QStringLiteral("cer")};
        const QString path =
            kAnswerFiles.contains(file.suffix().toLower()) && file.fileName() != QStringLiteral("bundle.json")
                ? file.absoluteFilePath()
                : file.absolutePath();
        m_status->setText(tr("Checking the CA's answer…"));
        m_context.worker->importAnswer(m_context.signedIn, m_batchId, path);
    }

    void answerImported(const core::AnswerReport& report, const QString& error)
    {
        if (!error.isEmpty()) {
            m_status->setText(error);
            m_log->addItem(error);
            return;
        }
        for (const QString& line : report.matched)
            m_log->addItem(tr("matched: %1").arg(line));
        for (const QString& line : report.refused)
            m_log->addItem(tr("refused: %1").arg(line));
        for (const QString& line : report.missing)
            m_log->addItem(tr("missing: %1").arg(line));
        for (const QString& line : report.extra)
            m_log->addItem(tr("extra: %1").arg(line));
        m_log->scrollToBottom();
        m_status->setText(tr("The answer is in: %1 matched, %2 refused, %3 missing, %4 extra. Each certificate is "
                             "written when its token is plugged in.")
                              .arg(report.matched.size())
                              .arg(report.refused.size())
                              .arg(report.missing.size())
                              .arg(report.extra.size()));
        refresh();
        Q_EMIT m_window->enrollmentsChanged();
        m_waitForTokens = false;
        // The certificates are written in the session's rounds: a session that had ended goes on.
        if (report.matched.isEmpty())
            return;
        if (supervisor() && !m_deskKey) {
            m_password->setFocus();
            return; // the status says what came; the password starts the write-back
        }
        if (!m_running)
            start();
        else
            tryRound();
    }

    // A hand-over session for one organization (the selected officer's): its officers whose certificate is on
    // the token come to the wizard one after another, each from where the last one ended; the clerk's Cancel ends
    // the session.
    void handOverSession()
    {
        const int row = m_members->currentRow() >= 0 ? m_members->currentRow() : 0;
        if (row >= static_cast<int>(m_memberList.size()))
            return;
        m_handOverOrganization = m_memberList[static_cast<std::size_t>(row)].organizationName;
        handOverNext();
    }

    void handOverNext()
    {
        refresh();
        int left = 0;
        const core::BatchMember* next = nullptr;
        for (const core::BatchMember& m : m_memberList) {
            if (m.organizationName == m_handOverOrganization && m.enrollment &&
                m.enrollment->state == core::EnrollmentState::Verified) {
                ++left;
                if (!next)
                    next = &m;
            }
        }
        if (!next) {
            m_status->setText(
                tr("Hand-over session for %1: nobody waits for a hand-over.").arg(m_handOverOrganization));
            return;
        }
        m_status->setText(
            tr("Hand-over session for %1: %2 (%3 waiting).").arg(m_handOverOrganization, next->officerName).arg(left));
        EnrollmentWizard* wizard = m_window->startEnrollment(next->enrollment->id);
        connect(wizard, &QWizard::finished, this, [this](int result) {
            if (result == QDialog::Accepted)
                handOverNext();
            else
                m_status->setText(tr("Hand-over session for %1 stopped; Alt+H goes on with the next officer.")
                                      .arg(m_handOverOrganization));
        });
    }

    MainWindow* m_window;
    const DeskContext& m_context;
    qint64 m_batchId;
    core::BatchSummary m_batch;
    std::vector<core::BatchMember> m_memberList;
    std::shared_ptr<const core::DeskKey> m_deskKey;
    std::optional<Pin> m_soPinHeld;
    std::optional<core::Password> m_sessionPassword;
    bool m_refreshPending = false;
    QString m_handOverOrganization;
    bool m_running = false;
    bool m_roundInFlight = false;
    bool m_waitForTokens = false;
    QLabel* m_readError = nullptr;
    QLabel* m_title = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_next = nullptr;
    QLabel* m_status = nullptr;
    QFormLayout* m_secrets = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_soPin = nullptr;
    QLineEdit* m_pin = nullptr;
    QLineEdit* m_pinAgain = nullptr;
    QSpinBox* m_tokensAtOnce = nullptr;
    QTableWidget* m_members = nullptr;
    QListWidget* m_log = nullptr;
    QPushButton* m_startPause = nullptr;
};

} // namespace

QDialog* openBatchRoom(MainWindow* window, const DeskContext& context, qint64 batchId)
{
    auto* room = new BatchRoom(window, context, batchId);
    room->show();
    // The room is where the keys go next (a window manager would give a new window the focus; not every one does).
    room->raise();
    room->activateWindow();
    return room;
}

} // namespace tamga::ui
