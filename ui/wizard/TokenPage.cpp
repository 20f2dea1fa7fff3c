#include "WizardPages.h"

#include "DisplayNames.h"
#include "ReceiptPrinting.h"
#include "SecretField.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/CivilId.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Receipt.h"
#include "tamga/core/Registry.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace tamga::ui {

namespace {

// 3. The token: plugged in now, seen within a second. Each token is shown with its serial and the officer whose
// key it holds; only a blank token is chosen for the clerk, and a token holding another officer's key goes to a
// new officer only after a supervisor's confirmed erase.
class TokenPage : public Page {
    Q_DECLARE_TR_FUNCTIONS(EnrollmentWizard)
public:
    TokenPage()
    {
        setTitle(tr("E-token"));
        setSubTitle(tr("Plug the officer's e-token in. It is recognised as soon as it is inserted."));
        auto* layout = new QVBoxLayout(this);
        m_list = new QListWidget(this);
        m_list->setObjectName(QStringLiteral("tokens"));
        m_state = new QLabel(this);
        m_state->setObjectName(QStringLiteral("tokenState"));
        m_state->setWordWrap(true);
        m_existing = new QLabel(this);
        m_existing->setObjectName(QStringLiteral("tokenHolder"));
        m_existing->setWordWrap(true);
        m_existing->setStyleSheet(QStringLiteral("color:#8a5300"));
        m_erase = new QCheckBox(tr("&Erase the token and start clean (its keys and certificates are lost)"), this);
        m_erase->setObjectName(QStringLiteral("eraseToken"));
        m_existing->hide();
        m_erase->hide();
        layout->addWidget(m_list);
        layout->addWidget(m_state);
        layout->addWidget(m_existing);
        layout->addWidget(m_erase);
        connect(m_list, &QListWidget::itemSelectionChanged, this, [this] { describe(); });
        connect(m_erase, &QCheckBox::toggled, this, [this](bool on) { eraseToggled(on); });
    }

    void initializePage() override
    {
        core::DeskWorker* worker = w()->context().worker;
        if (!m_connected) {
            connect(worker, &core::DeskWorker::tokensChanged, this,
                    [this](const QList<core::TokenSnapshot>& tokens) { show(tokens); });
            connect(worker, &core::DeskWorker::tokenInspected, this,
                    [this](const QString& serial, const QStringList& labels) { inspected(serial, labels); });
            m_connected = true;
        }
        show(worker->tokens());
    }

    // Whose key the token holds, after the desk's own records: the newest enrollment on it.
    std::optional<core::EnrollmentRecord> holderOf(const QString& serial) const
    {
        const DeskContext& context = w()->context();
        auto onToken = core::EnrollmentRecords(*context.database).onToken(serial);
        if (!onToken || onToken->empty())
            return std::nullopt;
        return onToken->front();
    }

    void show(const QList<core::TokenSnapshot>& tokens)
    {
        const int previousRow = selectedRow();
        const QString previous =
            previousRow >= 0 ? m_list->item(previousRow)->data(Qt::UserRole).toString() : QString();
        m_tokens = tokens;
        m_holders.clear();
        const QSignalBlocker quiet(m_list);
        m_list->clear();
        for (const auto& token : tokens) {
            const auto holder = token.flags.tokenInitialized ? holderOf(token.serialText()) : std::nullopt;
            m_holders.push_back(holder);
            QString text = token.flags.tokenInitialized
                               ? tr("%1 — %2 (serial %3)").arg(token.labelText(), token.modelText(), token.serialText())
                               : tr("New token — %1 (not initialized)").arg(token.modelText());
            if (holder)
                text += QStringLiteral(" — ") + tr("holds the key of %1").arg(holder->officerName);
            auto* item = new QListWidgetItem(text, m_list);
            item->setData(Qt::UserRole, token.serialText());
            if (token.serialText() == previous && !previous.isEmpty())
                item->setSelected(true);
        }
        // A token is chosen for the clerk only when it is the one plugged in and it is new; anything else is the
        // clerk's explicit choice (no silent pick of the first, nor of somebody's token).
        if (selectedRow() < 0 && tokens.size() == 1 && !tokens.front().flags.tokenInitialized)
            m_list->item(0)->setSelected(true);
        describe();
    }

    // The chosen token is the selected one: the list's current row alone is no choice (a list that gets the focus
    // makes its first row current without selecting it).
    int selectedRow() const
    {
        const auto items = m_list->selectedItems();
        return items.isEmpty() ? -1 : m_list->row(items.front());
    }

    const core::TokenSnapshot* selected() const
    {
        const int row = selectedRow();
        return row >= 0 && row < m_tokens.size() ? &m_tokens[row] : nullptr;
    }

    const std::optional<core::EnrollmentRecord>& selectedHolder() const
    {
        static const std::optional<core::EnrollmentRecord> none;
        const int row = selectedRow();
        return row >= 0 && row < static_cast<int>(m_holders.size()) ? m_holders[static_cast<std::size_t>(row)] : none;
    }

    bool heldByAnotherOfficer() const
    {
        const auto& holder = selectedHolder();
        return (holder && holder->officerId != w()->m_officerId) || (!holder && !m_tamgaKeys.isEmpty());
    }

    // A token that already holds a key made by Tamga: the clerk is told whose, and what may be done.
    void inspected(const QString& serial, const QStringList& labels)
    {
        const core::TokenSnapshot* token = selected();
        if (!token || token->serialText() != serial)
            return;
        m_tamgaKeys = labels;
        describeHolder();
    }

    bool selectedIsLocked() const { return selected() && selected()->flags.userPinLocked; }

    void describeHolder()
    {
        const auto& holder = selectedHolder();
        const bool held = holder.has_value() || !m_tamgaKeys.isEmpty();
        const bool supervisor = w()->context().signedIn.role == core::Role::Supervisor;
        // Erasing (initializing a token that was set up before) is a supervisor's decision.
        m_erase->setVisible(held || selectedIsLocked());
        m_erase->setEnabled(supervisor);
        m_existing->setVisible(held);
        if (!held) {
            Q_EMIT completeChanged();
            return;
        }
        if (holder && holder->officerId == w()->m_officerId)
            m_existing->setText(tr("This token already holds a key of this officer (enrollment #%1). Keep it and add "
                                   "the new key, or erase the token first.")
                                    .arg(holder->id));
        else if (holder)
            m_existing->setText(
                tr("This token holds the key of another officer: %1 (enrollment #%2). It can be used "
                   "only after it is erased.%3")
                    .arg(holder->officerName)
                    .arg(holder->id)
                    .arg(supervisor ? QString() : QLatin1Char(' ') + tr("Only a supervisor may erase it.")));
        else
            m_existing->setText(
                tr("This token holds keys made by Tamga that the desk has no record of: %1. It can be "
                   "used only after it is erased.%2")
                    .arg(m_tamgaKeys.join(QStringLiteral(", ")))
                    .arg(supervisor ? QString() : QLatin1Char(' ') + tr("Only a supervisor may erase it.")));
        Q_EMIT completeChanged();
    }

    void eraseToggled(bool on)
    {
        if (!on)
            return Q_EMIT completeChanged();
        const core::TokenSnapshot* token = selected();
        const auto& holder = selectedHolder();
        const auto answer = QMessageBox::warning(
            this, tr("Erase the token"),
            holder ? tr("Erase token %1 of %2? Every key and certificate on it is lost for good, and %2 can no longer "
                        "sign with it.")
                         .arg(token ? token->serialText() : QString(), holder->officerName)
                   : tr("Erase token %1? Every key and certificate on it is lost for good, and its owner can no longer "
                        "sign with it.")
                         .arg(token ? token->serialText() : QString()),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) {
            const QSignalBlocker quiet(m_erase);
            m_erase->setChecked(false);
        }
        Q_EMIT completeChanged();
    }

    void describe()
    {
        const core::TokenSnapshot* token = selected();
        m_tamgaKeys.clear();
        {
            const QSignalBlocker quiet(m_erase);
            m_erase->setChecked(false);
        }
        if (token && token->flags.tokenInitialized)
            w()->context().worker->inspectToken(token->serialText());
        if (m_list->count() == 0)
            m_state->setText(tr("No token is plugged in."));
        else if (!token)
            m_state->setText(tr("Choose the officer's token."));
        else if (!token->flags.tokenInitialized)
            m_state->setText(tr("This token is new: it will be initialized on the next page."));
        else if (token->flags.userPinLocked)
            m_state->setText(tr("This token's PIN is blocked: a supervisor must unblock it, or initialize it again."));
        else
            m_state->setText(tr("Token ready. PIN length %1 to %2.").arg(token->minPinLength).arg(token->maxPinLength));
        describeHolder();
    }

    bool isComplete() const override
    {
        if (!selected())
            return false;
        return (!heldByAnotherOfficer() && !selectedIsLocked()) || m_erase->isChecked();
    }

    bool validatePage() override
    {
        const core::TokenSnapshot* token = selected();
        EnrollmentWizard* wizard = w();
        wizard->m_tokenSerial = token->serialText();
        wizard->m_tokenNeedsInit = !token->flags.tokenInitialized || m_erase->isChecked();
        // The token's own limits, as the Tokens tab shows them (a token that states none: 4 to 16).
        wizard->m_pinMin = std::max<unsigned long>(token->minPinLength, 1);
        wizard->m_pinMax = token->maxPinLength ? token->maxPinLength : 16;
        return true;
    }

    QListWidget* m_list = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_existing = nullptr;
    QCheckBox* m_erase = nullptr;
    QList<core::TokenSnapshot> m_tokens;
    std::vector<std::optional<core::EnrollmentRecord>> m_holders;
    QStringList m_tamgaKeys;
    bool m_connected = false;
};

} // namespace

QWizardPage* newTokenPage()
{
    return new TokenPage;
}

} // namespace tamga::ui
