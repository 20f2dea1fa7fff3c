// A new batch at the desk: its name, the officers (whole organizations, ticked with Space, and/or a CSV of civil
// IDs), the profile and the CA, in person or prepared in advance. Core's Batches::create checks everything before
// it writes anything and refuses by name; its sentence is shown in the dialog, which stays open.
#include "Views.h"

#include "DisplayNames.h"
#include "tamga/core/Batches.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Registry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace tamga::ui {

namespace {

class BatchDialog : public QDialog {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    BatchDialog(QWidget* parent, const DeskContext& context) : QDialog(parent), m_context(context)
    {
        setObjectName(QStringLiteral("batchDialog"));
        setWindowTitle(tr("New batch"));
        resize(760, 560);
        auto* layout = new QVBoxLayout(this);
        auto* form = new QFormLayout;
        m_name = new QLineEdit(this);
        m_name->setObjectName(QStringLiteral("batchName"));
        form->addRow(tr("&Name:"), m_name);
        m_organizations = new QListWidget(this);
        m_organizations->setObjectName(QStringLiteral("batchOrganizations"));
        form->addRow(tr("&Organizations (Space ticks each one you want):"), m_organizations);
        auto* listRow = new QHBoxLayout;
        m_list = new QLineEdit(this);
        m_list->setObjectName(QStringLiteral("batchOfficerList"));
        auto* browse = new QPushButton(tr("&Browse…"), this);
        browse->setAutoDefault(false);
        listRow->addWidget(m_list, 1);
        listRow->addWidget(browse);
        auto* listLabel = new QLabel(tr("Officers from a &CSV of civil IDs:"), this);
        listLabel->setBuddy(m_list);
        form->addRow(listLabel, listRow);
        m_profile = new QComboBox(this);
        m_profile->setObjectName(QStringLiteral("batchProfile"));
        form->addRow(tr("Certificate &profile:"), m_profile);
        m_ca = new QComboBox(this);
        m_ca->setObjectName(QStringLiteral("batchCa"));
        form->addRow(tr("Certification &authority:"), m_ca);
        m_prepared = new QCheckBox(tr("Tokens pr&epared before the officers come (a supervisor runs it)"), this);
        m_prepared->setObjectName(QStringLiteral("batchPrepared"));
        form->addRow(QString(), m_prepared);
        layout->addLayout(form);
        m_problem = new QLabel(this);
        m_problem->setObjectName(QStringLiteral("batchProblem"));
        m_problem->setWordWrap(true);
        m_problem->setStyleSheet(QStringLiteral("color:#b3261e"));
        layout->addWidget(m_problem);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        buttons->button(QDialogButtonBox::Ok)->setText(tr("Create the batch"));
        layout->addWidget(buttons);

        fill();
        connect(browse, &QPushButton::clicked, this, [this] {
            const QString path =
                QFileDialog::getOpenFileName(this, tr("Officer list"), QString(), tr("CSV files (*.csv)"));
            if (!path.isEmpty())
                m_list->setText(path);
        });
        connect(buttons, &QDialogButtonBox::accepted, this, [this] { create(); });
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        m_name->setFocus();
    }

    qint64 created() const { return m_created; }

private:
    void fill()
    {
        auto organizations = core::Registry(*m_context.database).organizations();
        auto profiles = core::Profiles(*m_context.database).list();
        auto cas = core::CaConnectors(*m_context.database, m_context.dataDir).list();
        if (!organizations || !profiles || !cas) {
            m_problem->setText(!organizations ? organizations.error().message
                               : !profiles    ? profiles.error().message
                                              : cas.error().message);
            return;
        }
        for (const core::Organization& organization : *organizations) {
            auto* item = new QListWidgetItem(organization.name, m_organizations);
            item->setData(Qt::UserRole, organization.id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
        for (const core::CertificateProfile& profile : *profiles)
            m_profile->addItem(profileDisplayName(profile.name), profile.name);
        // The campaign's certificates are for signing: that profile first where the desk has it.
        if (const int signing = m_profile->findData(QStringLiteral("signing")); signing >= 0)
            m_profile->setCurrentIndex(signing);
        for (const core::CaConfig& ca : *cas)
            m_ca->addItem(ca.name, ca.name);
    }

    void create()
    {
        std::vector<qint64> organizations;
        for (int i = 0; i < m_organizations->count(); ++i) {
            if (m_organizations->item(i)->checkState() == Qt::Checked)
                organizations.push_back(m_organizations->item(i)->data(Qt::UserRole).toLongLong());
        }
        auto id = core::Batches(*m_context.database)
                      .create(m_context.signedIn, m_name->text(), organizations, m_list->text().trimmed(),
                              m_profile->currentData().toString(), m_ca->currentData().toString(),
                              m_prepared->isChecked() ? core::BatchMode::Prepared : core::BatchMode::InPerson);
        if (!id) {
            m_problem->setText(id.error().message);
            return;
        }
        m_created = *id;
        accept();
    }

    const DeskContext& m_context;
    QLineEdit* m_name = nullptr;
    QListWidget* m_organizations = nullptr;
    QLineEdit* m_list = nullptr;
    QComboBox* m_profile = nullptr;
    QComboBox* m_ca = nullptr;
    QCheckBox* m_prepared = nullptr;
    QLabel* m_problem = nullptr;
    qint64 m_created = 0;
};

} // namespace

std::optional<qint64> createBatchInDialog(QWidget* parent, const DeskContext& context)
{
    BatchDialog dialog(parent, context);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.created();
}

} // namespace tamga::ui
