#include "Views.h"

#include "tamga/core/SealedSecrets.h"

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

class TokensView : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    TokensView(MainWindow* window, const DeskContext& context) : QWidget(window), m_context(context)
    {
        auto* layout = new QVBoxLayout(this);
        m_model = new QStandardItemModel(this);
        m_model->setHorizontalHeaderLabels({tr("Serial"), tr("Label"), tr("Model"), tr("State"), tr("PIN")});
        m_table = makeTable(m_model, this);
        m_table->setObjectName(QStringLiteral("tokenTable"));
        layout->addWidget(m_table);
        auto* buttons = new QHBoxLayout;
        auto* initialize = new QPushButton(tr("&Initialize…"), this);
        auto* change = new QPushButton(tr("&Change PIN…"), this);
        auto* unblock = new QPushButton(tr("Un&block PIN…"), this);
        const bool supervisor = context.signedIn.role == core::Role::Supervisor;
        initialize->setEnabled(supervisor);
        unblock->setEnabled(supervisor);
        if (!supervisor) {
            initialize->setToolTip(tr("Supervisors only"));
            unblock->setToolTip(tr("Supervisors only"));
        }
        buttons->addWidget(initialize);
        buttons->addWidget(change);
        buttons->addWidget(unblock);
        buttons->addStretch();
        layout->addLayout(buttons);
        m_result = new QLabel(this);
        m_result->setObjectName(QStringLiteral("tokenResult"));
        m_result->setWordWrap(true);
        layout->addWidget(m_result);
        layout->addWidget(newStockSection(window, context), 1);
        connect(context.worker, &core::DeskWorker::tokensChanged, this,
                [this](const QList<core::TokenSnapshot>& t) { show(t); });
        connect(context.worker, &core::DeskWorker::tokenOperationFinished, this,
                [this](bool ok, const QString& message) {
                    m_result->setStyleSheet(ok ? QString() : QStringLiteral("color:#b3261e"));
                    m_result->setText(ok ? tr("Done. %1").arg(message) : message);
                });
        connect(initialize, &QPushButton::clicked, this, [this] {
            const QString serial = selectedSerial();
            bool ok = false;
            const QString label = QInputDialog::getText(this, tr("Initialize token"), tr("Token label:"),
                                                        QLineEdit::Normal, QStringLiteral("Tamga"), &ok);
            if (!ok)
                return;
            auto so = askPin(this, tr("Initialize token"), tr("New SO PIN:"));
            auto user = so ? askPin(this, tr("Initialize token"), tr("New user PIN:")) : std::nullopt;
            if (so && user)
                m_context.worker->initializeToken(m_context.signedIn, serial, label, std::move(*so), std::move(*user));
        });
        connect(change, &QPushButton::clicked, this, [this] {
            auto old = askPin(this, tr("Change PIN"), tr("Current PIN:"));
            auto fresh = old ? askPin(this, tr("Change PIN"), tr("New PIN:")) : std::nullopt;
            if (old && fresh)
                m_context.worker->changePin(m_context.signedIn, selectedSerial(), std::move(*old), std::move(*fresh));
        });
        connect(unblock, &QPushButton::clicked, this, [this] { unblockPin(); });
        show(context.worker->tokens());
    }

    // The PIN service: with the SO PIN the desk sealed for the token (the supervisor's password opens it on the
    // worker; nobody types or sees it), else the SO PIN from the token's papers, typed. The officer types the new
    // PIN twice.
    void unblockPin()
    {
        const QString serial = selectedSerial();
        if (serial.isEmpty())
            return;
        auto known = core::SealedSecrets(*m_context.database).has(serial, core::SecretKind::SoPin);
        if (!known) {
            QMessageBox::warning(this, tr("Unblock PIN"), known.error().message);
            return;
        }
        std::optional<Pin> soPin;
        std::optional<core::Password> password;
        core::PinTrouble trouble = core::PinTrouble::Locked;
        if (*known) {
            const QStringList troubles{tr("The PIN is locked (too many wrong tries)"),
                                       tr("The officer forgot the PIN")};
            bool chosen = false;
            const QString why =
                QInputDialog::getItem(this, tr("Unblock PIN"), tr("What happened:"), troubles, 0, false, &chosen);
            if (!chosen)
                return;
            trouble = why == troubles.at(1) ? core::PinTrouble::Forgotten : core::PinTrouble::Locked;
            password = askPin(this, tr("Unblock PIN"),
                              tr("The desk keeps this token's SO PIN sealed. Your password opens it:"));
            if (!password)
                return;
        } else {
            QMessageBox::information(this, tr("Unblock PIN"),
                                     tr("The desk keeps no SO PIN for token %1: its SO PIN was typed when it was set "
                                        "up, or it was set up elsewhere. Type the SO PIN from the token's papers.")
                                         .arg(serial));
            soPin = askPin(this, tr("Unblock PIN"), tr("SO PIN:"));
            if (!soPin)
                return;
        }
        auto fresh = askPin(this, tr("Unblock PIN"), tr("The officer types the new PIN:"));
        auto again = fresh ? askPin(this, tr("Unblock PIN"), tr("The officer types the new PIN again:")) : std::nullopt;
        if (!fresh || !again)
            return;
        if (fresh->view() != again->view()) {
            QMessageBox::warning(this, tr("Unblock PIN"), tr("The two PINs differ. Nothing was changed."));
            return;
        }
        // The desk's PIN policy, within the token's own limits, as the wizard holds it.
        for (const core::TokenSnapshot& t : m_tokens) {
            if (t.serialText() != serial)
                continue;
            QString typed = QString::fromUtf8(fresh->view().data(), static_cast<qsizetype>(fresh->view().size()));
            const QString problem = pinPolicyProblem(typed, t.minPinLength, t.maxPinLength);
            typed.fill(QLatin1Char('\0'));
            if (!problem.isEmpty()) {
                QMessageBox::warning(this, tr("Unblock PIN"), problem + QLatin1Char(' ') + tr("Nothing was changed."));
                return;
            }
        }
        if (password)
            m_context.worker->unblockWithSealedSoPin(m_context.signedIn, std::move(*password), serial,
                                                     std::move(*fresh), trouble);
        else
            m_context.worker->unblockPin(m_context.signedIn, serial, std::move(*soPin), std::move(*fresh));
    }

    QString selectedSerial() const
    {
        const auto rows = m_table->selectionModel()->selectedRows();
        return rows.isEmpty() ? QString() : m_model->item(rows.front().row())->text();
    }

    void show(const QList<core::TokenSnapshot>& tokens)
    {
        // The token chosen stays chosen while others come and go (an unblock must not fall on another one).
        const QString chosen = selectedSerial();
        m_tokens = tokens;
        m_model->removeRows(0, m_model->rowCount());
        for (const auto& t : tokens) {
            const auto& f = t.flags;
            const QString state = !f.tokenInitialized     ? tr("not initialized")
                                  : f.userPinLocked       ? tr("PIN blocked")
                                  : !f.userPinInitialized ? tr("no user PIN")
                                  : f.userPinFinalTry     ? tr("PIN: final try")
                                  : f.userPinCountLow     ? tr("PIN: few tries left")
                                                          : tr("ready");
            m_model->appendRow({new QStandardItem(t.serialText()), new QStandardItem(t.labelText()),
                                new QStandardItem(t.modelText()), new QStandardItem(state),
                                new QStandardItem(tr("%1–%2 characters").arg(t.minPinLength).arg(t.maxPinLength))});
        }
        int row = 0;
        for (int r = 0; r < m_model->rowCount(); ++r) {
            if (m_model->item(r)->text() == chosen)
                row = r;
        }
        if (m_model->rowCount() > 0)
            m_table->selectRow(row);
    }

    const DeskContext& m_context;
    QList<core::TokenSnapshot> m_tokens; // as last shown
    QStandardItemModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace

QWidget* newTokensView(MainWindow* window, const DeskContext& context)
{
    return new TokensView(window, context);
}

} // namespace tamga::ui
