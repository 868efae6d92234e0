"""Screens of the careerfit app: welcome, assessment, results and the dialogs."""
