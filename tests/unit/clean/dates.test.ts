import { describe, expect, it } from 'vitest';
import { parseMachineDate, parseVietnameseDate, resolveYearless } from '@/lib/clean/dates';

describe('parseVietnameseDate: every printed format', () => {
  const cases: { title: string; input: string; expected: string | null }[] = [
    {
      title: 'thoidai/MasterCMS "HH:mm | dd/mm/yyyy GMT+7"',
      input: '15:56 | 25/12/2022 GMT+7',
      expected: '2022-12-25T15:56:00+07:00',
    },
    {
      title: 'tacnghiep "HH:mm | dd/mm/yyyy" without zone',
      input: '11:28 | 06/08/2022',
      expected: '2022-08-06T11:28:00+07:00',
    },
    {
      title: 'antv header "Thứ Hai, dd/mm/yyyy HH:mm GMT+7"',
      input: 'Thứ Hai, 22/12/2025 14:46 GMT+7',
      expected: '2025-12-22T14:46:00+07:00',
    },
    { title: 'cand "HH:mm dd/mm/yyyy"', input: '17:36 07/12/2022', expected: '2022-12-07T17:36:00+07:00' },
    { title: '"dd/mm/yyyy HH:mm"', input: '25/11/2021 11:35', expected: '2021-11-25T11:35:00+07:00' },
    { title: '"dd/mm/yyyy - HH:mm"', input: '25/11/2021 - 11:35', expected: '2021-11-25T11:35:00+07:00' },
    { title: '"Thứ Năm, ngày 25/11/2021"', input: 'Thứ Năm, ngày 25/11/2021', expected: '2021-11-25' },
    { title: 'single-digit day and month', input: '2/6/2022 09:05', expected: '2022-06-02T09:05:00+07:00' },
    { title: '"09h05" hour notation', input: '02/06/2022 09h05', expected: '2022-06-02T09:05:00+07:00' },
    { title: 'dashes between date parts', input: '02-06-2022 09:05', expected: '2022-06-02T09:05:00+07:00' },
    { title: 'another zone', input: '10:00 | 01/01/2024 GMT+8', expected: '2024-01-01T10:00:00+08:00' },
    { title: 'impossible date', input: '31/02/2022 10:00', expected: null },
    { title: 'no date at all', input: 'Cập nhật lúc 10:00', expected: null },
    { title: 'year-less date is not a full date', input: 'Sáng 25/11', expected: null },
    { title: 'empty', input: '', expected: null },
  ];
  it.each(cases)('$title', ({ input, expected }) => {
    expect(parseVietnameseDate(input)).toBe(expected);
  });
});

describe('parseMachineDate: meta tags and JSON-LD', () => {
  it.each([
    ['2022-06-02T17:36:00+07:00', '2022-06-02T17:36:00+07:00'],
    ['2022-06-02T10:36:00Z', '2022-06-02T17:36:00+07:00'],
    ['2022-06-02T10:36:00.000Z', '2022-06-02T17:36:00+07:00'],
    ['2022-06-02T17:36:00+0700', '2022-06-02T17:36:00+07:00'],
    ['2022-06-02 17:36:00', '2022-06-02T17:36:00+07:00'],
    ['2022-06-02', '2022-06-02'],
    ['2022-13-02', null],
    ['hôm qua', null],
  ])('%s → %s', (input, expected) => {
    expect(parseMachineDate(input)).toBe(expected);
  });
});

describe('resolveYearless: "Sáng 25/11" against a date the page vouches for', () => {
  it('takes the reference year when the day is not after it', () => {
    expect(resolveYearless('Sáng 25/11, Trung tướng…', new Date('2021-11-25T05:00:00Z'))).toBe('2021-11-25');
  });
  it('takes the year before when the day would be in the future', () => {
    expect(resolveYearless('Chiều 28/12', new Date('2022-01-03T00:00:00Z'))).toBe('2021-12-28');
  });
  it('reads the reference in Vietnam time, not UTC', () => {
    // 2021-11-24T18:00Z is already 25/11 01:00 in Vietnam
    expect(resolveYearless('Sáng 25/11', new Date('2021-11-24T18:00:00Z'))).toBe('2021-11-25');
  });
  it('ignores full dates and fractions', () => {
    expect(resolveYearless('ngày 21/5/2005', new Date('2022-01-01T00:00:00Z'))).toBeNull();
  });
  it('rejects an impossible day', () => {
    expect(resolveYearless('Sáng 30/2', new Date('2022-03-01T00:00:00Z'))).toBeNull();
  });
});
