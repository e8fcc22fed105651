import { Injectable, type PipeTransform } from '@nestjs/common';
import { RegionsService } from '#libs/regions';
import { RequestValidationError } from './problem/problem.js';

/** A `:regionCode` path parameter that must name one of the 35 arbeidsmarktregio's: anything else is a 404. */
@Injectable()
export class KnownRegionPipe implements PipeTransform<string, string> {
  constructor(private readonly regions: RegionsService) {}

  transform(regionCode: string): string {
    if (this.regions.region(regionCode) === null) {
      throw new RequestValidationError(404, [{ field: 'regionCode', message: 'regionCode must be a CBS region code (AM01…AM38)' }], 'No such region');
    }
    return regionCode;
  }
}
