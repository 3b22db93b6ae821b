import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { provinceOf, useAreaName, useAreas } from '../../api/areas.js';
import { useProvinceChoices } from './scope.js';

/** The province and district pickers of a form: choosing another province clears the district. */
export function ProvinceDistrictSelects({
  province,
  onProvince,
  district,
  onDistrict,
  disabled,
  required,
}: {
  province: string | null;
  onProvince: (province: string | null) => void;
  district: string | null;
  onDistrict: (district: string | null) => void;
  /** Of the province picker (a provincial user's province is theirs). */
  disabled: boolean;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const provinces = useProvinceChoices();
  const areas = useAreas();
  const areaName = useAreaName();
  const districts = provinceOf(areas.data, province)?.districts ?? [];
  return (
    <>
      <Select
        label={t('dashboard.province')}
        value={province}
        onChange={(v) => {
          onProvince(v);
          onDistrict(null);
        }}
        data={provinces}
        searchable
        disabled={disabled}
        required={required}
        miw={180}
      />
      <Select
        label={t('province.district')}
        value={district}
        onChange={onDistrict}
        data={districts.map((d) => ({ value: d.code, label: areaName(d) }))}
        searchable
        clearable
        miw={180}
      />
    </>
  );
}
