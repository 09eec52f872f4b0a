// First run on a fresh checkout: start from the documented development settings.
import { copyFileSync, existsSync } from 'node:fs';

if (!existsSync('.env')) {
  copyFileSync('.env.example', '.env');
  console.log('created .env from .env.example');
}
