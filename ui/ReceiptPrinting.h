// Printing the receipt from the desk: print preview (QPrintPreviewDialog) and saving as PDF. Each records the
// receipt's hash with the enrollment. The file chooser is a seam that tests replace.
#pragma once

#include "DeskContext.h"

#include <QString>

#include <functional>

class QWidget;

namespace tamga::ui {

// Asks where to save, starting from `suggestedPath` (a file in the desk's receipts folder); returns the chosen
// path or an empty string. Tests replace it.
using SaveFileChooser = std::function<QString(QWidget* parent, const QString& suggestedPath)>;
void setSaveFileChooser(SaveFileChooser chooser);
// Asks through that chooser (the reports use it too).
QString chooseSavePath(QWidget* parent, const QString& suggestedPath);

// Asks for something to read: a file, or a folder (`folder`); returns the path or an empty string. Tests replace it;
// an empty chooser puts the file dialog back (it opens where the last choice was made, else in the home folder).
using OpenPathChooser = std::function<QString(QWidget* parent, const QString& title, bool folder)>;
void setOpenPathChooser(OpenPathChooser chooser);
QString chooseOpenPath(QWidget* parent, const QString& title, bool folder);

bool previewReceipt(const DeskContext& context, qint64 enrollmentId, QWidget* parent);
// Returns the path the receipt was saved to, or an empty string (not saved; a failure was shown).
QString saveReceiptPdf(const DeskContext& context, qint64 enrollmentId, QWidget* parent);

} // namespace tamga::ui
