/**
 * Writing the files a user asked for, safely, in one place. {@link vn.childaid.matching.files.OutputFile}
 * checks an output path before any long work (not a directory, not one of the inputs, a folder it can
 * write in) and then writes it whole or not at all: a regular file is replaced by an atomic rename,
 * a symbolic link keeps pointing at the file that receives the content, a pipe or device is written
 * straight into, and {@code /dev/stdout} is this process's standard output, whatever it leads to. Every failure is an
 * {@link vn.childaid.matching.files.OutputFileException} whose message names the path the user gave.
 * {@link vn.childaid.matching.files.CsvText} is the one way CSV text is made for spreadsheets.
 */
package vn.childaid.matching.files;
