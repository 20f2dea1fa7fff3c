#include "EnrollmentWizard.h"

#include "DisplayNames.h"
#include "ReceiptPrinting.h"
#include "SecretField.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/CivilId.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Receipt.h"
#include "tamga/core/Registry.h"
#include "tamga/pkcs11/Error.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QTimer>
#include <QTableView>
#include <QVBoxLayout>

namespace tamga::ui {

QString pinPolicyProblem(const QString& pin, unsigned long minLength, unsigned long maxLength)
{
    if (static_cast<unsigned long>(pin.size()) < minLength || static_cast<unsigned long>(pin.size()) > maxLength)
        return QCoreApplication::translate("EnrollmentWizard", "The PIN must be %1 to %2 digits long.")
            .arg(minLength)
            .arg(maxLength);
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    if (!digits.match(pin).hasMatch())
        return QCoreApplication::translate("EnrollmentWizard", "The PIN may only contain digits.");
    if (pin.count(pin.front()) == pin.size())
        return QCoreApplication::translate("EnrollmentWizard", "The PIN must not repeat one digit (like 111111).");
    bool ascending = true;
    bool descending = true;
    for (int i = 1; i < pin.size(); ++i) {
        ascending = ascending && pin[i].digitValue() == pin[i - 1].digitValue() + 1;
        descending = descending && pin[i].digitValue() == pin[i - 1].digitValue() - 1;
    }
    if (ascending || descending)
        return QCoreApplication::translate("EnrollmentWizard",
                                           "The PIN must not be a run of consecutive digits (like 123456).");
    return {};
}

QString errorHeadline(int coreErrorKind, int tokenErrorKind)
{
    const auto kind = static_cast<core::CoreErrorKind>(coreErrorKind);
    if (kind == core::CoreErrorKind::Token) {
        switch (static_cast<pkcs11::ErrorKind>(tokenErrorKind)) {
        case pkcs11::ErrorKind::WrongPin: return QCoreApplication::translate("EnrollmentWizard", "The PIN is wrong.");
        case pkcs11::ErrorKind::PinLocked:
            return QCoreApplication::translate("EnrollmentWizard", "The PIN is blocked: a supervisor must unblock it.");
        case pkcs11::ErrorKind::TokenRemoved:
            return QCoreApplication::translate("EnrollmentWizard",
                                               "The token was removed. Plug it in again and press Try again.");
        case pkcs11::ErrorKind::TokenNotFound:
            return QCoreApplication::translate("EnrollmentWizard", "The token is not plugged in.");
        case pkcs11::ErrorKind::AmbiguousToken:
            return QCoreApplication::translate("EnrollmentWizard",
                                               "Two plugged-in tokens cannot be told apart. Leave only one plugged in.");
        case pkcs11::ErrorKind::MemoryFull: return QCoreApplication::translate("EnrollmentWizard", "The token is full.");
        case pkcs11::ErrorKind::MechanismNotSupported:
        case pkcs11::ErrorKind::KeySizeNotSupported:
            return QCoreApplication::translate("EnrollmentWizard", "This token cannot make this kind of key.");
        default: return QCoreApplication::translate("EnrollmentWizard", "The token refused the operation.");
        }
    }
    switch (kind) {
    case core::CoreErrorKind::CaUnreachable:
        return QCoreApplication::translate("EnrollmentWizard", "The certification authority cannot be reached.");
    case core::CoreErrorKind::CaRefused:
        return QCoreApplication::translate("EnrollmentWizard", "The certification authority refused the request.");
    case core::CoreErrorKind::CaGarbled:
        return QCoreApplication::translate("EnrollmentWizard", "The certification authority's answer could not be read.");
    case core::CoreErrorKind::CertificateRejected:
        return QCoreApplication::translate("EnrollmentWizard",
                                           "The certificate from the certification authority failed the checks.");
    case core::CoreErrorKind::Database:
        return QCoreApplication::translate("EnrollmentWizard", "The desk's database could not be written.");
    default: return QCoreApplication::translate("EnrollmentWizard", "The enrollment stopped.");
    }
}

namespace {

// The pages' common base: reaches the wizard that holds the shared state.
class Page : public QWizardPage {
protected:
    EnrollmentWizard* w() const { return static_cast<EnrollmentWizard*>(wizard()); }
};

// 1. Who: search the registry (typing, or a barcode reader typing the civil ID and Enter).
class OfficerPage : public Page {
    Q_DECLARE_TR_FUNCTIONS(EnrollmentWizard)
public:
    OfficerPage()
    {
        setTitle(tr("Officer"));
        setSubTitle(tr("Find the officer in the registry: type part of a name, the civil ID or the organization, "
                       "or scan the civil ID."));
        auto* layout = new QVBoxLayout(this);
        m_search = new QLineEdit(this);
        m_search->setObjectName(QStringLiteral("search"));
        m_search->setPlaceholderText(tr("Search (Cyrillic or Latin)…"));
        m_search->setClearButtonEnabled(true);
        m_model = new QStandardItemModel(this);
        m_model->setHorizontalHeaderLabels({tr("Surname"), tr("Given name"), tr("Civil ID"), tr("Position"),
                                            tr("Organization")});
        m_table = new QTableView(this);
        m_table->setModel(m_model);
        m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_table->setSelectionMode(QAbstractItemView::SingleSelection);
        m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_table->horizontalHeader()->setStretchLastSection(true);
        m_table->verticalHeader()->hide();
        m_hint = new QLabel(this);
        m_hint->setObjectName(QStringLiteral("officerHint"));
        m_hint->setWordWrap(true);
        layout->addWidget(m_search);
        layout->addWidget(m_table);
        layout->addWidget(m_hint);
        connect(m_search, &QLineEdit::textChanged, this, [this] { search(); });
        // Enter (typed, or sent by a barcode reader after the civil ID) takes the one officer found; the wizard's
        // default button then goes on to the check page, never past it. With several found, the clerk chooses.
        connect(m_search, &QLineEdit::returnPressed, this, [this] {
            if (m_model->rowCount() == 1)
                m_table->selectRow(0);
            else if (m_model->rowCount() > 1 && selectedOfficer() == 0)
                m_table->setFocus();
        });
        connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                [this] { Q_EMIT completeChanged(); });
        connect(m_table, &QTableView::doubleClicked, this, [this] { wizard()->next(); });
    }

    void initializePage() override
    {
        search();
        m_search->setFocus();
    }

    bool isComplete() const override { return selectedOfficer() > 0; }

    bool validatePage() override
    {
        w()->m_officerId = selectedOfficer();
        const int row = m_table->selectionModel()->selectedRows().front().row();
        w()->m_officerName = m_model->item(row, 0)->text() + QLatin1Char(' ') + m_model->item(row, 1)->text();
        w()->m_officerCivilId = m_model->item(row, 2)->text();
        return true;
    }

    void search()
    {
        auto officers = core::Registry(*w()->context().database).officers(std::nullopt, m_search->text(), 200);
        m_model->removeRows(0, m_model->rowCount());
        if (!officers)
            return;
        for (const auto& o : *officers) {
            QList<QStandardItem*> row{new QStandardItem(o.fields.surname), new QStandardItem(o.fields.givenName),
                                      new QStandardItem(o.fields.civilId), new QStandardItem(o.fields.position),
                                      new QStandardItem(o.organizationName)};
            row.front()->setData(o.id, Qt::UserRole);
            m_model->appendRow(row);
        }
        // A scanned (or fully typed) civil ID that matches exactly one officer is taken at once.
        if (officers->size() == 1 && core::parseCivilId(m_search->text()))
            m_table->selectRow(0);
        m_table->resizeColumnsToContents();
        if (officers->size() > 1 && !m_search->text().isEmpty())
            m_hint->setText(tr("%n officers match: choose one (arrow keys or a click), then Next.", nullptr,
                               static_cast<int>(officers->size())));
        else if (officers->empty() && !m_search->text().isEmpty())
            m_hint->setText(tr("Nobody in the registry matches."));
        else
            m_hint->clear();
        Q_EMIT completeChanged();
    }

    qint64 selectedOfficer() const
    {
        const auto rows = m_table->selectionModel()->selectedRows();
        return rows.isEmpty() ? 0 : m_model->item(rows.front().row())->data(Qt::UserRole).toLongLong();
    }

    QLineEdit* m_search = nullptr;
    QTableView* m_table = nullptr;
    QStandardItemModel* m_model = nullptr;
    QLabel* m_hint = nullptr;
};

// 2. Check the officer's record and the exact subject that will be requested.
class ReviewPage : public Page {
    Q_DECLARE_TR_FUNCTIONS(EnrollmentWizard)
public:
    ReviewPage()
    {
        setTitle(tr("Check the data"));
        setSubTitle(tr("Read the record to the officer. The certificate will carry exactly the subject below."));
        auto* layout = new QVBoxLayout(this);
        m_record = new QLabel(this);
        m_record->setTextFormat(Qt::RichText);
        m_record->setWordWrap(true);
        auto* choices = new QFormLayout;
        m_profile = new QComboBox(this);
        m_ca = new QComboBox(this);
        m_profile->setObjectName(QStringLiteral("profile"));
        m_ca->setObjectName(QStringLiteral("ca"));
        choices->addRow(tr("Certificate &profile:"), m_profile);
        choices->addRow(tr("Certification &authority:"), m_ca);
        m_subject = new QStandardItemModel(this);
        m_subject->setHorizontalHeaderLabels({tr("Attribute"), tr("ASN.1 type"), tr("Value")});
        auto* table = new QTableView(this);
        m_subjectView = table;
        table->setModel(m_subject);
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->horizontalHeader()->setStretchLastSection(true);
        table->verticalHeader()->hide();
        table->setFocusPolicy(Qt::NoFocus);
        m_problem = new QLabel(this);
        m_problem->setStyleSheet(QStringLiteral("color:#b3261e"));
        m_problem->setWordWrap(true);
        m_holds = new QLabel(this);
        m_holds->setObjectName(QStringLiteral("alreadyHolds"));
        m_holds->setStyleSheet(QStringLiteral("color:#8a5300;font-weight:bold"));
        m_holds->setWordWrap(true);
        // Enter alone never passes this page: the clerk reads the record to the officer and ticks this box.
        m_confirmed = new QCheckBox(tr("The officer &confirmed that these data are right"), this);
        m_confirmed->setObjectName(QStringLiteral("dataConfirmed"));
        layout->addWidget(m_record);
        layout->addLayout(choices);
        layout->addWidget(table);
        layout->addWidget(m_problem);
        layout->addWidget(m_holds);
        layout->addWidget(m_confirmed);
        registerField(QStringLiteral("dataConfirmed*"), m_confirmed);
        registerField(QStringLiteral("profile"), m_profile, "currentData");
        registerField(QStringLiteral("ca"), m_ca, "currentText");
        connect(m_profile, &QComboBox::currentTextChanged, this, [this] { preview(); });
    }

    void initializePage() override
    {
        const DeskContext& context = w()->context();
        m_confirmed->setChecked(false);
        auto officer = core::Registry(*context.database).officer(w()->m_officerId);
        if (officer) {
            const auto& f = officer->fields;
            // Only the parts the record has: no dangling commas or dots for an empty department, e-mail or phone.
            auto joined = [](const QStringList& parts, const QString& separator) {
                QStringList present;
                for (const QString& part : parts)
                    if (!part.isEmpty())
                        present << part.toHtmlEscaped();
                return present.join(separator);
            };
            m_record->setText(tr("<b>%1 %2</b> — %3<br>%4<br>Civil ID <b>%5</b>%6")
                                  .arg(f.surname.toHtmlEscaped(), f.givenName.toHtmlEscaped(), f.position.toHtmlEscaped(),
                                       joined({officer->organizationName, f.department}, QStringLiteral(", ")), f.civilId,
                                       f.email.isEmpty() && f.phone.isEmpty()
                                           ? QString()
                                           : QStringLiteral(" · ") + joined({f.email, f.phone}, QStringLiteral(" · "))));
        }
        m_profile->clear();
        if (auto profiles = core::Profiles(*context.database).list()) {
            for (const auto& p : *profiles)
                m_profile->addItem(profileDisplayName(p.name), p.name);
        }
        // The signing certificate is what the desk issues most: it comes first.
        if (const int signing = m_profile->findData(QStringLiteral("signing")); signing >= 0)
            m_profile->setCurrentIndex(signing);
        m_ca->clear();
        if (auto cas = core::CaConnectors(*context.database, context.dataDir).list()) {
            for (const auto& c : *cas)
                m_ca->addItem(c.name);
        }
        preview();
    }

    void preview()
    {
        const DeskContext& context = w()->context();
        m_subject->removeRows(0, m_subject->rowCount());
        m_problem->clear();
        auto officer = core::Registry(*context.database).officer(w()->m_officerId);
        auto profile = core::Profiles(*context.database).find(m_profile->currentData().toString());
        if (!officer || !profile)
            return;
        // A second valid certificate of the same kind is usually a mistake (or a lost token: then revoke first).
        core::CaConnectors connectors(*context.database, context.dataDir);
        auto holds = core::EnrollmentEngine(*context.database, connectors, {}).withValidCertificate(officer->id, profile->name);
        m_holds->setText(holds && !holds->empty()
                             ? tr("This officer already holds a valid %1 certificate (enrollment #%2, valid until %3, "
                                  "token %4). Go on only if a second one is really wanted.")
                                   .arg(profileDisplayName(profile->name))
                                   .arg(holds->front().id)
                                   .arg(holds->front().certificate ? holds->front().certificate->notAfter.left(10) : QString(),
                                        holds->front().tokenSerial)
                             : QString());
        auto subject = core::buildSubject(*profile, *officer);
        if (!subject) {
            m_problem->setText(subject.error().message);
            return;
        }
        for (const auto& a : subject->attributes)
            m_subject->appendRow({new QStandardItem(a.shortName), new QStandardItem(a.stringTypeName()),
                                  new QStandardItem(a.value)});
        if (!subject->email.isEmpty())
            m_subject->appendRow({new QStandardItem(QStringLiteral("subjectAltName")),
                                  new QStandardItem(QStringLiteral("IA5String")),
                                  new QStandardItem(QStringLiteral("email:") + subject->email)});
        m_subjectView->resizeColumnsToContents();
        Q_EMIT completeChanged();
    }

    bool isComplete() const override
    {
        return m_subject->rowCount() > 0 && m_ca->count() > 0 && m_problem->text().isEmpty() && m_confirmed->isChecked();
    }

    QCheckBox* m_confirmed = nullptr;
    QTableView* m_subjectView = nullptr;
    QLabel* m_holds = nullptr;
    QLabel* m_record = nullptr;
    QComboBox* m_profile = nullptr;
    QComboBox* m_ca = nullptr;
    QStandardItemModel* m_subject = nullptr;
    QLabel* m_problem = nullptr;
};

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
        core::CaConnectors connectors(*context.database, context.dataDir);
        auto onToken = core::EnrollmentEngine(*context.database, connectors, {}).onToken(serial);
        if (!onToken || onToken->empty())
            return std::nullopt;
        return onToken->front();
    }

    void show(const QList<core::TokenSnapshot>& tokens)
    {
        const int previousRow = selectedRow();
        const QString previous = previousRow >= 0 ? m_list->item(previousRow)->data(Qt::UserRole).toString() : QString();
        m_tokens = tokens;
        m_holders.clear();
        const QSignalBlocker quiet(m_list);
        m_list->clear();
        for (const auto& token : tokens) {
            const auto holder = token.info.flags.tokenInitialized ? holderOf(token.serial()) : std::nullopt;
            m_holders.push_back(holder);
            QString text = token.info.flags.tokenInitialized
                               ? tr("%1 — %2 (serial %3)").arg(token.label(), token.model(), token.serial())
                               : tr("New token — %1 (not initialized)").arg(token.model());
            if (holder)
                text += QStringLiteral(" — ") + tr("holds the key of %1").arg(holder->officerName);
            auto* item = new QListWidgetItem(text, m_list);
            item->setData(Qt::UserRole, token.serial());
            if (token.serial() == previous && !previous.isEmpty())
                item->setSelected(true);
        }
        // A token is chosen for the clerk only when it is the one plugged in and it is new; anything else is the
        // clerk's explicit choice (no silent pick of the first, nor of somebody's token).
        if (selectedRow() < 0 && tokens.size() == 1 && !tokens.front().info.flags.tokenInitialized)
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
        if (!token || token->serial() != serial)
            return;
        m_tamgaKeys = labels;
        describeHolder();
    }

    bool selectedIsLocked() const { return selected() && selected()->info.flags.userPinLocked; }

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
            m_existing->setText(tr("This token holds the key of another officer: %1 (enrollment #%2). It can be used "
                                   "only after it is erased.%3")
                                    .arg(holder->officerName)
                                    .arg(holder->id)
                                    .arg(supervisor ? QString() : QLatin1Char(' ') + tr("Only a supervisor may erase it.")));
        else
            m_existing->setText(tr("This token holds keys made by Tamga that the desk has no record of: %1. It can be "
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
                        "sign with it.").arg(token ? token->serial() : QString(), holder->officerName)
                   : tr("Erase token %1? Every key and certificate on it is lost for good, and its owner can no longer "
                        "sign with it.").arg(token ? token->serial() : QString()),
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
        if (token && token->info.flags.tokenInitialized)
            w()->context().worker->inspectToken(token->serial());
        if (m_list->count() == 0)
            m_state->setText(tr("No token is plugged in."));
        else if (!token)
            m_state->setText(tr("Choose the officer's token."));
        else if (!token->info.flags.tokenInitialized)
            m_state->setText(tr("This token is new: it will be initialized on the next page."));
        else if (token->info.flags.userPinLocked)
            m_state->setText(tr("This token's PIN is blocked: a supervisor must unblock it, or initialize it again."));
        else
            m_state->setText(tr("Token ready. PIN length %1 to %2.").arg(token->info.minPinLength).arg(token->info.maxPinLength));
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
        wizard->m_tokenSerial = token->serial();
        wizard->m_tokenNeedsInit = !token->info.flags.tokenInitialized || m_erase->isChecked();
        // The token's own limits, as the Tokens tab shows them (a token that states none: 4 to 16).
        wizard->m_pinMin = std::max<unsigned long>(token->info.minPinLength, 1);
        wizard->m_pinMax = token->info.maxPinLength ? token->info.maxPinLength : 16;
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

// 4. The PIN. A new (or erased) token: the officer chooses the PIN and types it twice, and the token is given a
// label and an SO PIN. A token already set up: the officer types the PIN the token has. This is the commit page:
// once the work starts there is no way back to change what the token is being given.
class PinPage : public Page {
    Q_DECLARE_TR_FUNCTIONS(EnrollmentWizard)
public:
    PinPage()
    {
        setTitle(tr("PIN"));
        setCommitPage(true);
        setButtonText(QWizard::CommitButton, tr("&Start"));
        auto* layout = new QVBoxLayout(this);
        m_who = new QLabel(this);
        m_who->setObjectName(QStringLiteral("pinFor"));
        m_who->setWordWrap(true);
        layout->addWidget(m_who);
        auto* form = new QFormLayout;
        m_label = new QLineEdit(this);
        m_soPin = new QLineEdit(this);
        m_soPin2 = new QLineEdit(this);
        m_pin = new QLineEdit(this);
        m_pin2 = new QLineEdit(this);
        for (QLineEdit* field : {m_soPin, m_soPin2, m_pin, m_pin2})
            field->setEchoMode(QLineEdit::Password);
        m_label->setObjectName(QStringLiteral("tokenLabel"));
        m_soPin->setObjectName(QStringLiteral("soPin"));
        m_soPin2->setObjectName(QStringLiteral("soPinAgain"));
        m_pin->setObjectName(QStringLiteral("pin"));
        m_pin2->setObjectName(QStringLiteral("pinAgain"));
        QFont large = m_pin->font();
        large.setPointSize(large.pointSize() * 2);
        for (QLineEdit* field : {m_pin, m_pin2}) {
            field->setFont(large);
            field->setMinimumHeight(48);
        }
        form->addRow(tr("&PIN:"), m_pin);
        form->addRow(tr("PIN a&gain:"), m_pin2);
        form->addRow(tr("Token &label:"), m_label);
        form->addRow(tr("&SO PIN (supervisor):"), m_soPin);
        form->addRow(tr("SO PIN &again:"), m_soPin2);
        m_form = form;
        layout->addLayout(form);
        m_rules = new QLabel(this);
        m_rules->setWordWrap(true);
        m_problem = new QLabel(this);
        m_problem->setObjectName(QStringLiteral("pinProblem"));
        m_problem->setStyleSheet(QStringLiteral("color:#b3261e;font-weight:bold"));
        m_problem->setWordWrap(true);
        layout->addWidget(m_rules);
        layout->addWidget(m_problem);
    }

    void setRowVisible(QWidget* field, bool visible)
    {
        field->setVisible(visible);
        if (QWidget* label = m_form->labelForField(field))
            label->setVisible(visible);
    }

    void initializePage() override
    {
        EnrollmentWizard* wizard = w();
        const bool choose = wizard->m_tokenNeedsInit;
        setSubTitle(choose ? tr("The officer chooses the PIN and types it twice. Nobody else should see it.")
                           : tr("The officer types the PIN this token already has. Nobody else should see it."));
        m_who->setText(tr("Officer: <b>%1</b> · token <b>%2</b>")
                           .arg(wizard->m_officerName.toHtmlEscaped(),
                                wizard->m_tokenSerial.isEmpty() ? tr("new token") : wizard->m_tokenSerial.toHtmlEscaped()));
        for (QWidget* field : std::initializer_list<QWidget*>{m_pin2, m_label, m_soPin, m_soPin2})
            setRowVisible(field, choose);
        // The token's label says whose it is (the civil ID fits a token's 32 bytes); the clerk may change it.
        m_label->setText(wizard->m_officerCivilId.isEmpty() ? QStringLiteral("Tamga") : wizard->m_officerCivilId);
        // Tab goes down the form as it is shown (the officer's fields first), not in the order of creation. Set
        // here, once the page is in the wizard: moving a widget into another window rebuilds its focus chain.
        setTabOrder(m_pin, m_pin2);
        setTabOrder(m_pin2, m_label);
        setTabOrder(m_label, m_soPin);
        setTabOrder(m_soPin, m_soPin2);
        m_rules->setText(choose ? tr("%1 to %2 digits; not one digit repeated (111111) and not a run (123456).")
                                      .arg(wizard->m_pinMin)
                                      .arg(wizard->m_pinMax)
                                : tr("The token takes PINs of %1 to %2 characters.").arg(wizard->m_pinMin).arg(wizard->m_pinMax));
        m_problem->clear();
        // The wizard gives the focus to the page's first field after this returns: the officer's digits must go
        // into the PIN field, whatever comes first in the form.
        QTimer::singleShot(0, m_pin, [this] { m_pin->setFocus(); });
    }

    bool validatePage() override
    {
        EnrollmentWizard* wizard = w();
        const bool choose = wizard->m_tokenNeedsInit;
        if (choose && m_pin->text() != m_pin2->text()) {
            m_problem->setText(tr("The two PINs differ. Type them again."));
            m_pin->clear();
            m_pin2->clear();
            m_pin->setFocus();
            return false;
        }
        const QString problem =
            choose ? pinPolicyProblem(m_pin->text(), wizard->m_pinMin, wizard->m_pinMax)
                   : (static_cast<unsigned long>(m_pin->text().size()) < wizard->m_pinMin ||
                              static_cast<unsigned long>(m_pin->text().size()) > wizard->m_pinMax
                          ? tr("The token takes PINs of %1 to %2 characters.").arg(wizard->m_pinMin).arg(wizard->m_pinMax)
                          : QString());
        if (!problem.isEmpty()) {
            m_problem->setText(problem);
            return false;
        }
        wizard->m_preparation.reset();
        if (choose) {
            if (m_soPin->text() != m_soPin2->text() || m_soPin->text().size() < 4) {
                m_problem->setText(tr("The two SO PINs differ or are too short."));
                return false;
            }
            if (m_label->text().trimmed().isEmpty() || m_label->text().toUtf8().size() > 32) {
                m_problem->setText(tr("The token label must be 1 to 32 bytes long."));
                return false;
            }
            wizard->m_preparation = core::TokenPreparation{m_label->text().trimmed(), takeSecret(m_soPin)};
        }
        wizard->m_userPin = takeSecret(m_pin);
        // The typed PINs do not stay in the fields.
        for (QLineEdit* field : {m_soPin, m_soPin2, m_pin, m_pin2})
            field->clear();
        return true;
    }

    QLabel* m_who = nullptr;
    QFormLayout* m_form = nullptr;
    QLineEdit* m_label = nullptr;
    QLineEdit* m_soPin = nullptr;
    QLineEdit* m_soPin2 = nullptr;
    QLineEdit* m_pin = nullptr;
    QLineEdit* m_pin2 = nullptr;
    QLabel* m_rules = nullptr;
    QLabel* m_problem = nullptr;
};

// 5. The work: key on the token, request, CA, write-back, verification; shown step by step.
class WorkPage : public Page {
    Q_DECLARE_TR_FUNCTIONS(EnrollmentWizard)
public:
    WorkPage()
    {
        setTitle(tr("Issuing the certificate"));
        // Done is done: from the receipt there is no way back to the work page.
        setCommitPage(true);
        setSubTitle(tr("The key is made on the token; the certificate comes from the CA and is written back. "
                       "The window stays usable; the token must stay plugged in."));
        auto* layout = new QVBoxLayout(this);
        m_steps = new QListWidget(this);
        m_steps->setFocusPolicy(Qt::NoFocus);
        m_bar = new QProgressBar(this);
        m_bar->setRange(0, static_cast<int>(kSteps.size()));
        m_message = new QLabel(this);
        m_message->setObjectName(QStringLiteral("workMessage"));
        m_message->setWordWrap(true);
        m_retry = new QPushButton(tr("&Try again"), this);
        m_retry->setObjectName(QStringLiteral("tryAgain"));
        m_retry->setAutoDefault(false);  // Enter stays with the wizard's Next
        m_retry->hide();
        layout->addWidget(m_steps);
        layout->addWidget(m_bar);
        layout->addWidget(m_message);
        layout->addWidget(m_retry);
        connect(m_retry, &QPushButton::clicked, this, [this] { start(); });
    }

    static constexpr std::array<std::pair<const char*, const char*>, 7> kSteps{{
        {"token_prepared", QT_TRANSLATE_NOOP("EnrollmentWizard", "Token prepared")},
        {"key_generated", QT_TRANSLATE_NOOP("EnrollmentWizard", "Key pair generated on the token")},
        {"request_built", QT_TRANSLATE_NOOP("EnrollmentWizard", "Request signed on the token")},
        {"submitted", QT_TRANSLATE_NOOP("EnrollmentWizard", "Request sent to the CA")},
        {"certificate_received", QT_TRANSLATE_NOOP("EnrollmentWizard", "Certificate received and checked")},
        {"written_to_token", QT_TRANSLATE_NOOP("EnrollmentWizard", "Certificate and chain written to the token")},
        {"verified", QT_TRANSLATE_NOOP("EnrollmentWizard", "Token read back and verified")},
    }};

    void initializePage() override
    {
        EnrollmentWizard* wizard = w();
        core::DeskWorker* worker = wizard->context().worker;
        if (!m_connected) {
            connect(worker, &core::DeskWorker::enrollmentCreated, this, [this](qint64 id) { w()->m_enrollmentId = id; });
            connect(worker, &core::DeskWorker::enrollmentProgress, this,
                    [this](qint64, const QString& state, const QString&) { reached(state); });
            connect(worker, &core::DeskWorker::enrollmentFailed, this, [this](qint64, int coreKind, int tokenKind) {
                m_headline = errorHeadline(coreKind, tokenKind);
            });
            connect(worker, &core::DeskWorker::enrollmentFinished, this,
                    [this](qint64 id, bool ok, const QString& state, const QString& error) { finished(id, ok, state, error); });
            m_connected = true;
        }
        setButtonText(QWizard::CommitButton, wizard->buttonText(QWizard::NextButton));
        m_steps->clear();
        for (const auto& [state, text] : kSteps)
            new QListWidgetItem(QStringLiteral("○  ") + tr(text), m_steps);
        start();
    }

    void start()
    {
        EnrollmentWizard* wizard = w();
        m_done = false;
        m_retry->hide();
        m_message->setStyleSheet(QString());
        m_message->setText(tr("Working…"));
        wizard->button(QWizard::CancelButton)->setEnabled(false);
        wizard->m_working = true;
        core::EnrollmentJob job;
        job.by = wizard->context().signedIn;
        job.enrollmentId = wizard->m_enrollmentId;
        job.officerId = wizard->m_officerId;
        job.tokenSerial = wizard->m_tokenSerial;
        job.profile = wizard->field(QStringLiteral("profile")).toString();
        job.ca = wizard->field(QStringLiteral("ca")).toString();
        // The worker gets its own copy of the PIN; the wizard keeps one for "Try again".
        job.pin = pkcs11::Pin(wizard->m_userPin.view());
        // The engine uses the preparation only while the enrollment has not prepared its token yet, so "Try again"
        // after a failure during initialization initializes again.
        if (wizard->m_preparation)
            job.preparation = core::TokenPreparation{wizard->m_preparation->label,
                                                     pkcs11::Pin(wizard->m_preparation->soPin.view())};
        wizard->context().worker->enroll(std::move(job));
        Q_EMIT completeChanged();
    }

    void reached(const QString& state)
    {
        for (std::size_t i = 0; i < kSteps.size(); ++i) {
            if (state == QLatin1String(kSteps[i].first)) {
                for (std::size_t j = 0; j <= i; ++j)
                    m_steps->item(static_cast<int>(j))->setText(QStringLiteral("✔  ") + tr(kSteps[j].second));
                m_bar->setValue(static_cast<int>(i + 1));
            }
        }
    }

    void finished(qint64 id, bool ok, const QString& state, const QString& error)
    {
        EnrollmentWizard* wizard = w();
        if (id)
            wizard->m_enrollmentId = id;
        wizard->button(QWizard::CancelButton)->setEnabled(true);
        wizard->m_working = false;
        reached(state);
        if (ok && state == QStringLiteral("verified")) {
            m_done = true;
            wizard->m_userPin.clear();
            if (wizard->m_preparation)
                wizard->m_preparation->soPin.clear();
            m_message->setText(tr("The certificate is on the token and verified."));
        } else if (ok) {
            const auto parsed = core::parseState(state);
            m_message->setText(tr("The request waits for the CA (state: %1). Resume the enrollment when the "
                                  "certificate has come back.").arg(parsed ? stateDisplayName(*parsed) : state));
        } else {
            m_message->setStyleSheet(QStringLiteral("color:#b3261e"));
            const auto parsed = core::parseState(state);
            m_message->setText(tr("%1\n%2\n\nNothing is lost: the enrollment stays at \"%3\" and can be resumed.")
                                   .arg(m_headline, error, parsed ? stateDisplayName(*parsed) : tr("not started")));
            m_retry->show();
        }
        Q_EMIT completeChanged();
    }

    bool isComplete() const override { return m_done; }

    QListWidget* m_steps = nullptr;
    QProgressBar* m_bar = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_retry = nullptr;
    QString m_headline;
    bool m_done = false;
    bool m_connected = false;
};

// 6. The receipt, previewed and printed (or saved as PDF).
class ReceiptPage : public Page {
    Q_DECLARE_TR_FUNCTIONS(EnrollmentWizard)
public:
    ReceiptPage()
    {
        setTitle(tr("Handover receipt"));
        setSubTitle(tr("Print both copies. The officer and you sign them."));
        auto* layout = new QVBoxLayout(this);
        m_summary = new QLabel(this);
        m_summary->setWordWrap(true);
        auto* preview = new QPushButton(tr("Print p&review…"), this);
        auto* pdf = new QPushButton(tr("Save as P&DF…"), this);
        pdf->setObjectName(QStringLiteral("savePdf"));
        // Enter after printing goes on to the hand-over; it does not print again.
        preview->setAutoDefault(false);
        pdf->setAutoDefault(false);
        m_saved = new QLabel(this);
        m_saved->setObjectName(QStringLiteral("receiptSaved"));
        m_saved->setWordWrap(true);
        m_saved->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(m_summary);
        layout->addWidget(preview);
        layout->addWidget(pdf);
        layout->addWidget(m_saved);
        layout->addStretch();
        connect(preview, &QPushButton::clicked, this, [this] { m_printed |= previewReceipt(w()->context(), w()->m_enrollmentId, this); Q_EMIT completeChanged(); });
        connect(pdf, &QPushButton::clicked, this, [this] {
            const QString saved = saveReceiptPdf(w()->context(), w()->m_enrollmentId, this);
            if (!saved.isEmpty()) {
                m_printed = true;
                m_saved->setText(tr("Saved: %1").arg(saved));
            }
            Q_EMIT completeChanged();
        });
    }

    void initializePage() override
    {
        auto receipt = core::Receipts(*w()->context().database).data(w()->m_enrollmentId);
        m_summary->setText(receipt ? tr("<b>%1</b>, %2<br>Certificate %3<br>Token %4")
                                         .arg(receipt->officerName.toHtmlEscaped(), receipt->organization.toHtmlEscaped(),
                                              receipt->certificateSerial.toUpper(), receipt->tokenSerial)
                                   : receipt.error().message);
    }

    bool isComplete() const override { return m_printed; }

    QLabel* m_summary = nullptr;
    QLabel* m_saved = nullptr;
    bool m_printed = false;
};

// 7. Hand-over: the officer signed, the token leaves the desk.
class HandoverPage : public Page {
    Q_DECLARE_TR_FUNCTIONS(EnrollmentWizard)
public:
    HandoverPage()
    {
        setTitle(tr("Hand-over"));
        setSubTitle(tr("Give the token to the officer once both copies are signed."));
        auto* layout = new QVBoxLayout(this);
        m_signed = new QCheckBox(tr("The officer &signed both copies and took the token"), this);
        m_signed->setObjectName(QStringLiteral("handedOver"));
        layout->addWidget(m_signed);
        layout->addStretch();
        registerField(QStringLiteral("handedOver*"), m_signed);
    }

    bool validatePage() override
    {
        EnrollmentWizard* wizard = w();
        const DeskContext& context = wizard->context();
        core::CaConnectors connectors(*context.database, context.dataDir);
        auto done = core::EnrollmentEngine(*context.database, connectors, {}).handOver(context.signedIn, wizard->m_enrollmentId);
        if (!done) {
            QMessageBox::warning(this, tr("Hand-over"), done.error().message);
            return false;
        }
        return true;
    }

    QCheckBox* m_signed = nullptr;
};

}  // namespace

EnrollmentWizard::EnrollmentWizard(DeskContext context, qint64 resumeId, QWidget* parent)
    : QWizard(parent), m_context(std::move(context))
{
    setWindowTitle(m_context.training ? tr("New enrollment — TRAINING") : tr("New enrollment"));
    setWizardStyle(QWizard::ModernStyle);
    if (m_context.training) {
        // Every page of a training desk says so, in the corner of its header.
        QPixmap mark(180, 52);
        mark.fill(QColor(0xb3, 0x26, 0x1e));
        QPainter painter(&mark);
        painter.setPen(Qt::white);
        QFont bold = font();
        bold.setBold(true);
        bold.setPointSize(bold.pointSize() + 3);
        painter.setFont(bold);
        painter.drawText(mark.rect(), Qt::AlignCenter, tr("TRAINING"));
        painter.end();
        setPixmap(QWizard::LogoPixmap, mark);
    }
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(OfficerPage, new class OfficerPage);
    setPage(ReviewPage, new class ReviewPage);
    setPage(TokenPage, new class TokenPage);
    setPage(PinPage, new class PinPage);
    setPage(WorkPage, new class WorkPage);
    setPage(ReceiptPage, new class ReceiptPage);
    setPage(HandoverPage, new class HandoverPage);
    if (resumeId > 0) {
        // Resuming: officer, token, profile and CA are the enrollment's; only the PIN is asked again.
        core::CaConnectors connectors(*m_context.database, m_context.dataDir);
        auto record = core::EnrollmentEngine(*m_context.database, connectors, {}).record(resumeId);
        if (record) {
            m_enrollmentId = resumeId;
            m_officerId = record->officerId;
            m_officerName = record->officerName;
            m_tokenSerial = record->tokenSerial;
            setWindowTitle((m_context.training ? tr("Enrollment #%1 continued — %2 — TRAINING")
                                               : tr("Enrollment #%1 continued — %2"))
                               .arg(resumeId)
                               .arg(record->officerName));
            // Before its token was prepared, the enrollment still gives the token its PINs.
            if (record->state == core::EnrollmentState::Created) {
                m_tokenNeedsInit = m_tokenSerial.isEmpty();
                for (const auto& token : m_context.worker->tokens()) {
                    if (token.serial() == m_tokenSerial && !m_tokenSerial.isEmpty())
                        m_tokenNeedsInit = !token.info.flags.tokenInitialized;
                }
            }
            for (const auto& token : m_context.worker->tokens()) {
                if (token.serial() == m_tokenSerial && !m_tokenSerial.isEmpty()) {
                    m_pinMin = std::max<unsigned long>(token.info.minPinLength, 1);
                    m_pinMax = token.info.maxPinLength ? token.info.maxPinLength : 16;
                }
            }
            setStartId(record->state == core::EnrollmentState::Verified ? ReceiptPage : PinPage);
        }
    }
    resize(900, 640);
}

void EnrollmentWizard::reject()
{
    // While the token is being written nothing may close the wizard (Cancel is disabled; Esc lands here).
    if (m_working)
        return;
    if (m_enrollmentId > 0 && currentId() != HandoverPage) {
        core::CaConnectors connectors(*m_context.database, m_context.dataDir);
        auto record = core::EnrollmentEngine(*m_context.database, connectors, {}).record(m_enrollmentId);
        if (record && record->state != core::EnrollmentState::HandedOver) {
            const auto answer = QMessageBox::question(
                this, windowTitle(),
                tr("Close enrollment #%1? It stays at \"%2\"; nothing is lost and it can be continued from the Desk "
                   "tab.")
                    .arg(m_enrollmentId)
                    .arg(stateDisplayName(record->state)),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
            if (answer != QMessageBox::Yes)
                return;
        }
    } else if (m_enrollmentId == 0 && currentId() != OfficerPage) {
        const auto answer = QMessageBox::question(this, windowTitle(),
                                                  tr("Close this enrollment? Nothing has been written yet."),
                                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    QWizard::reject();
}

}  // namespace tamga::ui
