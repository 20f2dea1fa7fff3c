#include "FirstRunWizard.h"

#include "ReceiptPrinting.h"
#include "SecretField.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Database.h"
#include "tamga/core/DeskWorker.h"
#include "tamga/core/Operators.h"
#include "tamga/core/Settings.h"
#include "views/Views.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <QWizardPage>

#include <optional>

namespace tamga::ui {

struct FirstRunWizard::State {
    QString databasePath;
    core::DeskWorker& worker;
    QString dataDir;
    // Made with the first supervisor (nothing is written before), or opened after a restore.
    std::unique_ptr<core::Database> opened;
    std::optional<core::Operator> supervisor;
    QString restored;    // what the restore said, when the desk came from a backup
    bool joined = false; // the desk joined a shared registry that has its operators already

    const core::Database& database() const { return *opened; }
};

namespace {

const QString ErrorStyle = QStringLiteral("color:#b3261e");

QLabel* wrappedLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

// Where the desk keeps its registry: a new database on this PC, this PC's desk restored from a backup (only while
// no database is there: a restore never replaces one), or the office's shared PostgreSQL registry, checked on the
// worker before Next goes on: an empty one gets its first supervisor here, one in use is joined.
class DatabasePage : public QWizardPage {
    Q_OBJECT
public:
    DatabasePage(FirstRunWizard::State& state, QWidget* parent) : QWizardPage(parent), m_state(state)
    {
        setTitle(tr("A new desk"));
        auto* explanation = wrappedLabel(
            tr("Tamga keeps this desk's registry, enrollments and audit log in a database. A few questions "
               "set the desk up; each answer can be changed later in the Settings tab or with tamga-cli."),
            this);
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(explanation);
        auto* local = new QRadioButton(tr("This &PC: %1").arg(QDir::toNativeSeparators(state.databasePath)), this);
        local->setObjectName(QStringLiteral("localDatabase"));
        local->setChecked(true);
        m_shared = new QRadioButton(tr("The &office's shared registry (PostgreSQL):"), this);
        m_shared->setObjectName(QStringLiteral("sharedDatabase"));
        m_address = new QLineEdit(this);
        m_address->setObjectName(QStringLiteral("registryAddress"));
        m_address->setPlaceholderText(QStringLiteral("postgresql://clerk@registry.example.mn/tamga?sslrootcert=/etc/"
                                                     "tamga/registry-ca.pem"));
        m_address->setEnabled(false);
        layout->addWidget(local);
        layout->addWidget(m_shared);
        layout->addWidget(m_address);
        layout->addWidget(wrappedLabel(tr("The registry is reached over TLS that verifies the server. Its password "
                                          "is never typed here: it is read from the PostgreSQL password file "
                                          "(~/.pgpass, or passfile= in the address)."),
                                       this));
        m_registryMessage = wrappedLabel(QString(), this);
        m_registryMessage->setObjectName(QStringLiteral("registryMessage"));
        layout->addWidget(m_registryMessage);
        connect(m_shared, &QRadioButton::toggled, this, [this](bool on) {
            m_address->setEnabled(on);
            m_restore->setEnabled(!on && !QFileInfo::exists(m_state.databasePath));
            Q_EMIT completeChanged();
        });
        connect(m_address, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
        connect(&state.worker, &core::DeskWorker::registryChecked, this, &DatabasePage::registryChecked);
        m_restore = new QPushButton(tr("&Restore this desk from a backup…"), this);
        m_restore->setObjectName(QStringLiteral("restoreBackup"));
        m_restore->setAutoDefault(false); // Enter goes on with a new desk; Alt+R restores
        m_message = wrappedLabel(QString(), this);
        m_message->setObjectName(QStringLiteral("restoreMessage"));
        if (QFileInfo::exists(state.databasePath)) {
            m_restore->setEnabled(false);
            m_message->setText(tr("A database is already at this path: a backup is restored only where there is "
                                  "none (tamga-cli --db NEW restore --from FOLDER)."));
        }
        auto* row = new QHBoxLayout;
        row->addWidget(m_restore);
        row->addStretch();
        layout->addSpacing(12);
        layout->addLayout(row);
        layout->addWidget(m_message);
        layout->addStretch();
        connect(m_restore, &QPushButton::clicked, this, &DatabasePage::restore);
        connect(&state.worker, &core::DeskWorker::restoreFinished, this, &DatabasePage::restoreFinished);
    }

    bool isComplete() const override
    {
        return !m_restoring && !m_checking && (!m_shared->isChecked() || !m_address->text().trimmed().isEmpty());
    }

    bool validatePage() override
    {
        if (!m_shared->isChecked() || m_checkedAddress == m_address->text().trimmed())
            return true;
        // The connection is tried on the worker; its answer goes on to the next page.
        m_checking = true;
        m_registryMessage->setStyleSheet(QString());
        m_registryMessage->setText(tr("Connecting to the registry…"));
        Q_EMIT completeChanged();
        m_state.worker.checkRegistry(m_address->text().trimmed());
        return false;
    }

    int nextId() const override
    {
        // A restored desk, or one joining a registry in use, has its operators, module, CA and anchors already:
        // straight to the end.
        return m_state.restored.isEmpty() && !m_state.joined ? FirstRunWizard::SupervisorPageId
                                                             : FirstRunWizard::ReadyPageId;
    }

private:
    void registryChecked(const QString& location, bool usable, bool hasOperators, const QString& message)
    {
        m_checking = false;
        Q_EMIT completeChanged();
        if (location != m_address->text().trimmed() || !m_shared->isChecked())
            return;
        if (!usable) {
            m_registryMessage->setStyleSheet(ErrorStyle);
            m_registryMessage->setText(tr("The registry cannot be used: %1").arg(message));
            m_address->setFocus();
            return;
        }
        m_checkedAddress = location;
        m_state.databasePath = location;
        m_state.dataDir = core::Database::localFolderOf(location);
        m_state.worker.setDatabasePath(location);
        m_state.joined = hasOperators;
        if (hasOperators) {
            auto opened = core::Database::openExisting(location);
            if (!opened) {
                m_registryMessage->setStyleSheet(ErrorStyle);
                m_registryMessage->setText(tr("The registry cannot be used: %1").arg(opened.error().message));
                m_state.joined = false;
                m_checkedAddress.clear();
                return;
            }
            m_state.opened = std::move(*opened);
        }
        m_registryMessage->setText(hasOperators ? tr("A registry in use: this desk joins it.")
                                                : tr("An empty registry: this desk sets it up."));
        wizard()->next();
    }

    void restore()
    {
        const QString folder = chooseOpenPath(this, tr("The backup's folder"), true);
        if (folder.isEmpty())
            return;
        m_restoring = true;
        m_restore->setEnabled(false);
        m_message->setStyleSheet(QString());
        m_message->setText(tr("Checking the backup and restoring it…"));
        Q_EMIT completeChanged();
        m_state.worker.restoreBackup(folder);
    }

    void restoreFinished(bool succeeded, const QString& message)
    {
        m_restoring = false;
        if (succeeded) {
            auto opened = core::Database::openExisting(m_state.databasePath);
            if (opened) {
                m_state.opened = std::move(*opened);
                m_state.restored = message;
            } else {
                m_message->setStyleSheet(ErrorStyle);
                m_message->setText(tr("Restored, but the database does not open: %1").arg(opened.error().message));
            }
        }
        if (!m_state.restored.isEmpty()) {
            m_message->setText(message + QLatin1Char(' ') + tr("Next goes on to the sign-in."));
        } else if (!succeeded) {
            m_message->setStyleSheet(ErrorStyle);
            m_message->setText(tr("Not restored, nothing was written: %1").arg(message));
            m_restore->setEnabled(true);
        }
        Q_EMIT completeChanged();
    }

    FirstRunWizard::State& m_state;
    QRadioButton* m_shared;
    QLineEdit* m_address;
    QLabel* m_registryMessage;
    QPushButton* m_restore;
    QLabel* m_message;
    bool m_restoring = false;
    bool m_checking = false;
    QString m_checkedAddress;
};

// The first supervisor: made on Next, the one operator who may then add the others.
class SupervisorPage : public QWizardPage {
    Q_OBJECT
public:
    explicit SupervisorPage(FirstRunWizard::State& state, QWidget* parent) : QWizardPage(parent), m_state(state)
    {
        setTitle(tr("The first supervisor"));
        auto* explanation =
            wrappedLabel(tr("The supervisor signs in first and adds the desk's clerks and other supervisors. Passwords "
                            "are kept only as scrypt hashes."),
                         this);
        setCommitPage(true);
        setButtonText(QWizard::CommitButton, tr("&Create the supervisor"));
        auto* form = new QFormLayout(this);
        form->addRow(explanation);
        m_name = new QLineEdit(this);
        m_name->setObjectName(QStringLiteral("supervisorName"));
        m_password = new QLineEdit(this);
        m_password->setObjectName(QStringLiteral("supervisorPassword"));
        m_password->setEchoMode(QLineEdit::Password);
        m_repeat = new QLineEdit(this);
        m_repeat->setObjectName(QStringLiteral("supervisorPasswordAgain"));
        m_repeat->setEchoMode(QLineEdit::Password);
        m_message = wrappedLabel(QString(), this);
        m_message->setObjectName(QStringLiteral("supervisorMessage"));
        m_message->setStyleSheet(ErrorStyle);
        form->addRow(tr("Operator na&me:"), m_name);
        form->addRow(tr("&Password:"), m_password);
        form->addRow(tr("Password &again:"), m_repeat);
        form->addRow(m_message);
        for (QLineEdit* field : {m_name, m_password, m_repeat})
            connect(field, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    }

    bool isComplete() const override
    {
        return !m_state.supervisor &&
               !(m_name->text().trimmed().isEmpty() || m_password->text().isEmpty() || m_repeat->text().isEmpty());
    }

    bool validatePage() override
    {
        if (m_state.supervisor)
            return true;
        // The passwords leave the fields for wiping buffers at once, whatever happens next.
        const core::Password password = takeSecret(m_password);
        const core::Password again = takeSecret(m_repeat);
        if (password.view() != again.view()) {
            m_message->setText(tr("The two passwords differ: type them again."));
            m_password->setFocus();
            return false;
        }
        // The account's rules first: the desk's database comes into being with its first supervisor, not before,
        // so a refused name or password leaves no file behind (and a backup can still be restored there).
        if (auto acceptable = core::Operators::checkNewAccount(m_name->text(), password); !acceptable) {
            m_message->setText(tr("The supervisor was not created: %1").arg(acceptable.error().message));
            m_password->setFocus();
            return false;
        }
        if (!m_state.opened) {
            auto opened = core::Database::open(m_state.databasePath);
            if (!opened) {
                m_message->setText(tr("The database cannot be made: %1").arg(opened.error().message));
                return false;
            }
            m_state.opened = std::move(*opened);
        }
        auto made = core::Operators(m_state.database())
                        .add(std::nullopt, m_name->text().trimmed(), core::Role::Supervisor, password);
        if (!made) {
            m_message->setText(tr("The supervisor was not created: %1").arg(made.error().message));
            m_password->setFocus();
            return false;
        }
        m_state.supervisor = *made;
        return true;
    }

private:
    FirstRunWizard::State& m_state;
    QLineEdit* m_name;
    QLineEdit* m_password;
    QLineEdit* m_repeat;
    QLabel* m_message;
};

// The PKCS#11 module of the desk's tokens, chosen from the modules the system's packages registered with p11-kit.
class ModulePage : public QWizardPage {
    Q_OBJECT
public:
    explicit ModulePage(FirstRunWizard::State& state, QWidget* parent) : QWizardPage(parent), m_state(state)
    {
        setTitle(tr("The tokens' PKCS#11 module"));
        auto* explanation =
            wrappedLabel(tr("The library through which the desk reaches the e-tokens. These are the modules installed "
                            "on this PC (p11-kit's list); OpenSC's serves most tokens."),
                         this);
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(explanation);
        m_modules = new QListWidget(this);
        m_modules->setObjectName(QStringLiteral("modules"));
        auto* label = new QLabel(tr("&Modules:"), this);
        label->setBuddy(m_modules);
        m_message = wrappedLabel(tr("Looking for the installed modules…"), this);
        m_message->setObjectName(QStringLiteral("modulesMessage"));
        layout->addWidget(label);
        layout->addWidget(m_modules);
        layout->addWidget(m_message);
        connect(&state.worker, &core::DeskWorker::registeredModulesListed, this, &ModulePage::showModules);
    }

    void initializePage() override { m_state.worker.listRegisteredModules(); }

    bool validatePage() override
    {
        QListWidgetItem* item = m_modules->currentItem();
        if (!item)
            return true; // nothing chosen: the desk uses OpenSC's module, as it would without the setting
        auto saved =
            core::Settings(m_state.database())
                .setValue(*m_state.supervisor, core::setting::Pkcs11Modules, item->data(Qt::UserRole).toString());
        if (!saved) {
            m_message->setStyleSheet(ErrorStyle);
            m_message->setText(tr("Not saved: %1").arg(saved.error().message));
            return false;
        }
        return true;
    }

private:
    void showModules(const QStringList& names, const QStringList& paths, const QStringList& packages)
    {
        m_modules->clear();
        int tokenModules = 0;
        for (qsizetype i = 0; i < names.size(); ++i) {
            // p11-kit's trust module holds the system's CA store, not tokens: not a choice for the desk.
            if (paths[i].contains(QStringLiteral("p11-kit-trust")))
                continue;
            ++tokenModules;
            QListWidgetItem* item = addModuleItem(m_modules, names[i], paths[i], packages.value(i));
            // OpenSC's module is the usual choice: chosen unless the supervisor picks another.
            if (paths[i].contains(QStringLiteral("opensc-pkcs11")) && !m_modules->currentItem())
                m_modules->setCurrentItem(item);
        }
        if (!m_modules->currentItem() && m_modules->count() > 0)
            m_modules->setCurrentRow(0);
        m_message->setText(tokenModules == 0 ? tr("No module is registered with p11-kit: install OpenSC (the opensc "
                                                  "package), or the token vendor's module, and set it in Settings.")
                                             : tr("%n module(s) installed.", nullptr, tokenModules));
    }

    FirstRunWizard::State& m_state;
    QListWidget* m_modules;
    QLabel* m_message;
};

// The CA connector: what the CA is and where, added through the core and tested by asking the CA for its
// certificates (on the worker's thread: the window never waits on the network).
class CaPage : public QWizardPage {
    Q_OBJECT
public:
    explicit CaPage(FirstRunWizard::State& state, QWidget* parent) : QWizardPage(parent), m_state(state)
    {
        setTitle(tr("The certification authority"));
        auto* explanation =
            wrappedLabel(tr("How the desk reaches the CA that issues the certificates. More connectors can be added "
                            "later with tamga-cli ca add."),
                         this);
        auto* form = new QFormLayout(this);
        form->addRow(explanation);
        m_name = new QLineEdit(QStringLiteral("ca"), this);
        m_name->setObjectName(QStringLiteral("caName"));
        m_type = new QComboBox(this);
        m_type->setObjectName(QStringLiteral("caType"));
        m_type->addItem(tr("CMP server (RFC 4210)"), QStringLiteral("cmp"));
        m_type->addItem(tr("CFSSL server"), QStringLiteral("cfssl"));
        m_type->addItem(tr("Files exchanged with an offline CA"), QStringLiteral("files"));
        m_url = new QLineEdit(this);
        m_url->setObjectName(QStringLiteral("caUrl"));
        m_url->setPlaceholderText(QStringLiteral("https://ca.example.mn/pkix/"));
        m_reference = new QLineEdit(this);
        m_reference->setObjectName(QStringLiteral("caReference"));
        m_secretFile = new QLineEdit(this);
        m_secretFile->setObjectName(QStringLiteral("caSecretFile"));
        m_secretFile->setPlaceholderText(tr("a file holding the shared secret"));
        m_profile = new QLineEdit(this);
        m_profile->setObjectName(QStringLiteral("caProfile"));
        m_authKeyFile = new QLineEdit(this);
        m_authKeyFile->setObjectName(QStringLiteral("caAuthKeyFile"));
        m_authKeyFile->setPlaceholderText(tr("a file holding the shared authentication key (hex)"));
        m_folder = new QLineEdit(this);
        m_folder->setObjectName(QStringLiteral("caFolder"));
        auto* add = new QPushButton(tr("Add and &test"), this);
        add->setObjectName(QStringLiteral("caAddAndTest"));
        add->setAutoDefault(false); // Enter goes on to the next page; Alt+T adds

        m_message = wrappedLabel(QString(), this);
        m_message->setObjectName(QStringLiteral("caMessage"));
        form->addRow(tr("Connector na&me:"), m_name);
        form->addRow(tr("&Kind:"), m_type);
        form->addRow(tr("&Address:"), m_url);
        form->addRow(tr("CMP sender &reference:"), m_reference);
        form->addRow(tr("CMP shared &secret file:"), m_secretFile);
        form->addRow(tr("CFSSL &profile:"), m_profile);
        form->addRow(tr("CFSSL auth&entication key file:"), m_authKeyFile);
        form->addRow(tr("Exchange &folder:"), m_folder);
        form->addRow(QString(), add);
        form->addRow(m_message);
        m_form = form;
        connect(m_type, &QComboBox::currentIndexChanged, this, &CaPage::showFieldsOfKind);
        connect(add, &QPushButton::clicked, this, &CaPage::addAndTest);
        connect(&state.worker, &core::DeskWorker::caTested, this,
                [this](const QString& name, bool ok, const QString& message) {
                    if (name != m_tested)
                        return;
                    m_message->setStyleSheet(ok ? QString() : ErrorStyle);
                    m_message->setText(ok ? tr("%1 added. %2").arg(name, message)
                                          : tr("%1 added, but the test failed: %2. Check the address and the "
                                               "CA's settings; the connector can be corrected with tamga-cli.")
                                                .arg(name, message));
                });
        showFieldsOfKind();
    }

private:
    void showFieldsOfKind()
    {
        const QString kind = m_type->currentData().toString();
        const auto show = [this](QWidget* field, bool visible) { m_form->setRowVisible(field, visible); };
        show(m_url, kind == QStringLiteral("cmp") || kind == QStringLiteral("cfssl"));
        show(m_reference, kind == QStringLiteral("cmp"));
        show(m_secretFile, kind == QStringLiteral("cmp"));
        show(m_profile, kind == QStringLiteral("cfssl"));
        show(m_authKeyFile, kind == QStringLiteral("cfssl"));
        show(m_folder, kind == QStringLiteral("files"));
    }

    void addAndTest()
    {
        const QString kind = m_type->currentData().toString();
        QJsonObject settings;
        const auto put = [&settings](const char* key, QLineEdit* field, bool path) {
            const QString value = field->text().trimmed();
            if (!value.isEmpty())
                settings.insert(QLatin1String(key), path ? QFileInfo(value).absoluteFilePath() : value);
        };
        if (kind == QStringLiteral("cmp") || kind == QStringLiteral("cfssl"))
            put("url", m_url, false);
        if (kind == QStringLiteral("cmp")) {
            put("reference", m_reference, false);
            put("secretFile", m_secretFile, true);
        }
        if (kind == QStringLiteral("cfssl")) {
            put("profile", m_profile, false);
            put("authKeyFile", m_authKeyFile, true);
        }
        if (kind == QStringLiteral("files"))
            put("dir", m_folder, true);
        const QString name = m_name->text().trimmed();
        auto added =
            core::CaConnectors(m_state.database(), m_state.dataDir).add(*m_state.supervisor, {0, name, kind, settings});
        if (!added) {
            m_message->setStyleSheet(ErrorStyle);
            m_message->setText(tr("Not added: %1").arg(added.error().message));
            return;
        }
        m_message->setStyleSheet(QString());
        m_message->setText(tr("%1 added; asking the CA…").arg(name));
        m_tested = name;
        m_state.worker.testCa(name);
    }

    FirstRunWizard::State& m_state;
    QFormLayout* m_form;
    QLineEdit* m_name;
    QComboBox* m_type;
    QLineEdit* m_url;
    QLineEdit* m_reference;
    QLineEdit* m_secretFile;
    QLineEdit* m_profile;
    QLineEdit* m_authKeyFile;
    QLineEdit* m_folder;
    QLabel* m_message;
    QString m_tested;
};

// The CA certificates the CA's answers are checked against, imported from the files the CA published.
class TrustPage : public QWizardPage {
    Q_OBJECT
public:
    explicit TrustPage(FirstRunWizard::State& state, QWidget* parent) : QWizardPage(parent), m_state(state)
    {
        setTitle(tr("Trust anchors"));
        auto* explanation =
            wrappedLabel(tr("The CA's root and issuing certificates (PEM files from the CA): every certificate the CA "
                            "sends is checked against them before it goes onto a token."),
                         this);
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(explanation);
        auto* import = new QPushButton(tr("&Import CA certificates…"), this);
        import->setObjectName(QStringLiteral("importAnchors"));
        import->setAutoDefault(false); // Enter goes on to the next page; Alt+I imports

        m_anchors = new QListWidget(this);
        m_anchors->setObjectName(QStringLiteral("anchors"));
        m_message = wrappedLabel(QString(), this);
        m_message->setObjectName(QStringLiteral("anchorsMessage"));
        layout->addWidget(import);
        layout->addWidget(m_anchors);
        layout->addWidget(m_message);
        connect(import, &QPushButton::clicked, this, &TrustPage::import);
    }

    void initializePage() override { refresh(); }

private:
    void import()
    {
        const QString path = chooseOpenPath(this, tr("CA certificates (PEM)"), false);
        if (path.isEmpty())
            return;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_message->setStyleSheet(ErrorStyle);
            m_message->setText(tr("%1 cannot be read: %2").arg(path, file.errorString()));
            return;
        }
        auto added = core::TrustAnchors(m_state.database()).add(*m_state.supervisor, file.readAll());
        m_message->setStyleSheet(added ? QString() : ErrorStyle);
        m_message->setText(added ? tr("%n new certificate(s) from %1.", nullptr, *added).arg(path)
                                 : tr("Not imported from %1: %2").arg(path, added.error().message));
        refresh();
    }

    void refresh()
    {
        m_anchors->clear();
        if (auto list = core::TrustAnchors(m_state.database()).list()) {
            for (const auto& anchor : *list)
                m_anchors->addItem(anchor.subject);
        }
    }

    FirstRunWizard::State& m_state;
    QListWidget* m_anchors;
    QLabel* m_message;
};

class ReadyPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ReadyPage(const FirstRunWizard::State& state, QWidget* parent) : QWizardPage(parent), m_state(state)
    {
        setTitle(tr("The desk is ready"));
        m_text = wrappedLabel(QString(), this);
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(m_text);
        layout->addStretch();
    }

    void initializePage() override
    {
        if (!m_state.restored.isEmpty()) {
            m_text->setText(
                tr("The desk is restored from its backup. %1 Sign in as one of its operators.").arg(m_state.restored));
            return;
        }
        if (m_state.joined) {
            m_text->setText(tr("This desk works on the office's shared registry. Sign in as one of its operators. The "
                               "registry's audit key stays on the desks, never on the server: copy registry.audit-key "
                               "from the folder of the same name on the first desk into %1, or the audit log says "
                               "its key is missing.")
                                .arg(QDir::toNativeSeparators(m_state.dataDir)));
            return;
        }
        m_text->setText(tr("Sign in as %1 with the password you chose. The Settings tab adds the desk's clerks "
                           "(New operator…) and shows the module, the CA connectors and the trust anchors.")
                            .arg(m_state.supervisor ? m_state.supervisor->name : QString()));
    }

private:
    const FirstRunWizard::State& m_state;
    QLabel* m_text;
};

} // namespace

FirstRunWizard::FirstRunWizard(const QString& databasePath, core::DeskWorker& worker, QWidget* parent)
    : QWizard(parent),
      m_state(std::make_unique<State>(
          State{databasePath, worker, core::Database::localFolderOf(databasePath), nullptr, std::nullopt, QString()}))
{
    setWindowTitle(tr("Tamga — setting up this desk"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(DatabasePageId, new DatabasePage(*m_state, this));
    setPage(SupervisorPageId, new SupervisorPage(*m_state, this));
    setPage(ModulePageId, new ModulePage(*m_state, this));
    setPage(CaPageId, new CaPage(*m_state, this));
    setPage(TrustPageId, new TrustPage(*m_state, this));
    setPage(ReadyPageId, new ReadyPage(*m_state, this));
    resize(720, 520);
}

FirstRunWizard::~FirstRunWizard()
{
    // The pages hold the state by reference: they go first.
    const QList<int> ids = pageIds();
    for (int id : ids) {
        QWizardPage* shown = page(id);
        removePage(id);
        delete shown;
    }
}

bool FirstRunWizard::needed(const QString& databasePath)
{
    if (!core::Database::isShared(databasePath) && !QFileInfo::exists(databasePath))
        return true;
    auto database = core::Database::openExisting(databasePath);
    if (!database)
        return false; // the desk reports why it cannot open it
    auto any = core::Operators(**database).anyExist();
    return any && !*any;
}

QString FirstRunWizard::databasePath() const
{
    return m_state->databasePath;
}

QString FirstRunWizard::supervisorName() const
{
    return m_state->supervisor ? m_state->supervisor->name : QString();
}

} // namespace tamga::ui

#include "FirstRunWizard.moc"
