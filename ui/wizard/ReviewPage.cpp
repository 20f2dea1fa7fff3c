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
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace tamga::ui {

namespace {

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
            m_record->setText(
                tr("<b>%1 %2</b> — %3<br>%4<br>Civil ID <b>%5</b>%6")
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
        auto holds = core::EnrollmentRecords(*context.database).withValidCertificate(officer->id, profile->name);
        m_holds->setText(
            holds && !holds->empty()
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
            m_subject->appendRow(
                {new QStandardItem(a.shortName), new QStandardItem(a.stringTypeName()), new QStandardItem(a.value)});
        if (!subject->email.isEmpty())
            m_subject->appendRow({new QStandardItem(QStringLiteral("subjectAltName")),
                                  new QStandardItem(QStringLiteral("IA5String")),
                                  new QStandardItem(QStringLiteral("email:") + subject->email)});
        m_subjectView->resizeColumnsToContents();
        Q_EMIT completeChanged();
    }

    bool isComplete() const override
    {
        return m_subject->rowCount() > 0 && m_ca->count() > 0 && m_problem->text().isEmpty() &&
               m_confirmed->isChecked();
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

} // namespace

QWizardPage* newReviewPage()
{
    return new ReviewPage;
}

} // namespace tamga::ui
