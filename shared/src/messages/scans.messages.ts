export const scansMessages = {
  'scans.badFileName': {
    ru: 'Некорректное имя файла',
    en: 'Invalid file name',
  },
  'scans.fileNotFound': {
    ru: 'Файл в папке сканера не найден',
    en: 'File not found in the scanner folder',
  },
  'scans.noPreview': {
    ru: 'Предпросмотр этого файла недоступен',
    en: 'No preview is available for this file',
  },
  'scans.noScannerDir': {
    ru: 'Папка сканера не настроена (PD_DESK_SCANNER_DIR)',
    en: 'The scanner folder is not set (PD_DESK_SCANNER_DIR)',
  },
  'scans.pageNotFound': {
    ru: 'Страница скана не найдена',
    en: 'Scan page not found',
  },
  'scans.taken': {
    ru: 'Этот файл уже взят для другого письма',
    en: 'This file has already been taken for another letter',
  },
  'scans.tooLarge': {
    ru: 'Скан слишком большой: допускается не больше {{mb}} МБ',
    en: 'The scan is too large: at most {{mb}} MB is allowed',
  },
  'scans.badType': {
    ru: 'Неподдерживаемый тип скана: допускаются PDF, JPEG, PNG и TIFF (тип определяется по содержимому, а не по имени)',
    en: 'Unsupported scan type: PDF, JPEG, PNG and TIFF are allowed (the type is read from the content, not the name)',
  },
} as const;
