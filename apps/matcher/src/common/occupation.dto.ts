import { ApiProperty } from '@nestjs/swagger';

/** The O*NET-SOC occupation of a job's or resume's title (stored with the row when O*NET is imported). */
export class OccupationDto {
  @ApiProperty({ example: '29-1141.00', description: 'O*NET-SOC code' }) code!: string;
  @ApiProperty({ example: 'Registered Nurses', description: 'O*NET occupation title' }) title!: string;
}

/** Row columns → DTO; null when the row has no occupation. */
export function toOccupationDto(row: { occupationCode: string | null; occupationTitle: string | null }): OccupationDto | null {
  return row.occupationCode && row.occupationTitle ? { code: row.occupationCode, title: row.occupationTitle } : null;
}

/** O*NET-SOC code as filters accept it: "29-1141.00". */
export const OCCUPATION_CODE = /^\d{2}-\d{4}\.\d{2}$/;
