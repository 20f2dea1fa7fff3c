// The enrollment wizard's pages, one file each (ui/wizard/*Page.cpp): what they share, and how the wizard makes
// them. Every page's texts are in the translation context "EnrollmentWizard".
#pragma once

#include "EnrollmentWizard.h"

#include <QWizardPage>

namespace tamga::ui {

// The pages' common base: reaches the wizard that holds the shared state.
class Page : public QWizardPage {
protected:
    EnrollmentWizard* w() const { return static_cast<EnrollmentWizard*>(wizard()); }
};

// 1. Who: search the registry (typing, or a barcode reader typing the civil ID and Enter).
QWizardPage* newOfficerPage();
// 2. Check the officer's record and the exact subject that will be requested.
QWizardPage* newReviewPage();
// 3. The token: plugged in now, seen within a second. Each token is shown with its serial and the officer whose
// key it holds; only a blank token is chosen for the clerk, and a token holding another officer's key goes to a
// new officer only after a supervisor's confirmed erase.
QWizardPage* newTokenPage();
// 4. The PIN. A new (or erased) token: the officer chooses the PIN and types it twice, and the token is given a
// label and an SO PIN. A token already set up: the officer types the PIN the token has. This is the commit page:
// once the work starts there is no way back to change what the token is being given.
QWizardPage* newPinPage();
// 5. The work: key on the token, request, CA, write-back, verification; shown step by step.
QWizardPage* newWorkPage();
// 6. The receipt, previewed and printed (or saved as PDF).
QWizardPage* newReceiptPage();
// 7. Hand-over: the officer signed, the token leaves the desk.
QWizardPage* newHandoverPage();

} // namespace tamga::ui
