// Printing the receipt from the desk: print preview (QPrintPreviewDialog) and saving as PDF. Each records the
// receipt's hash with the enrollment. The file chooser is a seam that tests replace.
#pragma once

#include "DeskContext.h"

#include <functional>

class QWidget;

namespace tamga::ui {

// Asks where to save; returns the chosen path or an empty string. Tests replace it.
using SaveFileChooser = std::function<QString(QWidget* parent, const QString& suggestedName)>;
void setSaveFileChooser(SaveFileChooser chooser);

bool previewReceipt(const DeskContext& context, qint64 enrollmentId, QWidget* parent);
bool saveReceiptPdf(const DeskContext& context, qint64 enrollmentId, QWidget* parent);

}  // namespace tamga::ui
