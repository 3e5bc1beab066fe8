export const filesMessages = {
  'files.formExpected': {
    ru: 'Ожидается форма с файлом (multipart/form-data)',
    en: 'A form with a file is expected (multipart/form-data)',
  },
  'files.missingInStore': {
    ru: 'Файл отсутствует в хранилище: восстановите папку файлов из резервной копии',
    en: 'The file is missing from the store: restore the files folder from a backup',
  },
  'files.notFound': {
    ru: 'Файл не найден',
    en: 'File not found',
  },
  'files.tooLarge': {
    ru: 'Файл слишком большой: допускается не больше {{mb|number}} МБ',
    en: 'The file is too large: at most {{mb|number}} MB is allowed',
  },
  'files.empty': {
    ru: 'Пустой файл',
    en: 'The file is empty',
  },
  'files.badType': {
    ru: 'Неподдерживаемый тип файла: допускаются PDF, PNG, JPEG, TIFF и DOCX (тип определяется по содержимому, а не по имени)',
    en: 'Unsupported file type: PDF, PNG, JPEG, TIFF and DOCX are allowed (the type is read from the content, not the name)',
  },
} as const;
