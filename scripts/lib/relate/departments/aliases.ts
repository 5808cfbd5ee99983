/**
 * The government bodies plans name as responsible, each under one stable key with the forms
 * it is printed in (without the place prefix: `市卫健局` is `卫健局` here; the normaliser strips
 * `市`, `吉林省`, `县`, `市委` …). General knowledge of Chinese administration, not of any one
 * document: full names, the usual short forms, and the provincial (厅) and older (卫计委) ones.
 *
 * A key is the department's URL slug and its open-data key, so it never changes once
 * published: add forms to an entry, add entries, but do not rename keys.
 */

export interface DepartmentAlias {
  /** Stable ASCII key: URL slug and open-data key. */
  key: string;
  /** The body's name without a place, as a reader knows it. */
  label: string;
  /** Printed forms without the place prefix, full and short. */
  forms: readonly string[];
  /** Forms with the level inside the name (团市委), matched on the whole printed name. */
  patterns?: readonly RegExp[];
}

export const DEPARTMENT_ALIASES: readonly DepartmentAlias[] = [
  { key: 'health', label: '卫生健康委（局）', forms: ['卫生健康委员会', '卫生健康委', '卫健委', '卫生健康局', '卫健局', '卫生和计划生育委员会', '卫生计生委', '卫计委', '卫生计生局', '卫计局', '卫生局', '卫生健康厅'] },
  { key: 'womens-federation', label: '妇女联合会', forms: ['妇联', '妇女联合会'] },
  { key: 'education', label: '教育局', forms: ['教育局', '教育委员会', '教委', '教育厅', '教育和体育局', '教育体育局', '教体局'] },
  { key: 'human-resources-social-security', label: '人力资源和社会保障局', forms: ['人力资源和社会保障局', '人力资源社会保障局', '人社局', '人力资源和社会保障厅', '人力资源社会保障厅', '人社厅'] },
  { key: 'civil-affairs', label: '民政局', forms: ['民政局', '民政厅'] },
  { key: 'public-security', label: '公安局', forms: ['公安局', '公安厅', '公安分局'] },
  { key: 'justice', label: '司法局', forms: ['司法局', '司法厅'] },
  {
    key: 'youth-league',
    label: '共青团',
    forms: ['共青团', '团委', '共青团委员会'],
    // 团市委 / 团县委 / 团区委 / 团省委, and 共青团大安市委.
    patterns: [/^团[省市县区旗]委$/, /^共青团.{0,8}[省市县区旗]委(?:员会)?$/],
  },
  { key: 'trade-union', label: '总工会', forms: ['总工会', '工会'] },
  { key: 'disabled-persons-federation', label: '残疾人联合会', forms: ['残联', '残疾人联合会'] },
  { key: 'court', label: '人民法院', forms: ['法院', '人民法院', '中级人民法院', '中院'] },
  { key: 'procuratorate', label: '人民检察院', forms: ['检察院', '人民检察院'] },
  { key: 'healthcare-security', label: '医疗保障局', forms: ['医保局', '医疗保障局'] },
  // 市监局 is 市场监管局 shortened (its 市 is 市场's), so it is a form, matched before any
  // prefix is stripped.
  { key: 'market-regulation', label: '市场监督管理局', forms: ['市场监督管理局', '市场监管局', '市监局', '市场监管委', '市场监督管理厅'] },
  { key: 'housing-urban-rural', label: '住房和城乡建设局', forms: ['住房和城乡建设局', '住房城乡建设局', '住建局', '住房和城乡建设委员会', '住建委', '住房和城乡建设厅', '住建厅'] },
  { key: 'natural-resources', label: '自然资源局', forms: ['自然资源局', '自然资源和规划局', '自然资源厅', '规划和自然资源局'] },
  { key: 'ecology-environment', label: '生态环境局', forms: ['生态环境局', '生态环境厅', '环境保护局', '环保局'] },
  { key: 'culture-tourism', label: '文化和旅游局', forms: ['文化和旅游局', '文旅局', '文化广电和旅游局', '文化广播电视和旅游局', '文化旅游局', '文广旅局', '文化广电旅游局', '文化和旅游厅', '文化体育和旅游局', '文体旅局', '文化广电体育和旅游局', '文广体旅局'] },
  { key: 'sports', label: '体育局', forms: ['体育局', '体育总局'] },
  { key: 'emergency-management', label: '应急管理局', forms: ['应急管理局', '应急局', '应急管理厅'] },
  { key: 'statistics', label: '统计局', forms: ['统计局'] },
  { key: 'finance', label: '财政局', forms: ['财政局', '财政厅'] },
  { key: 'development-reform', label: '发展和改革委（局）', forms: ['发展和改革委员会', '发展改革委', '发改委', '发展和改革局', '发展改革局', '发改局'] },
  { key: 'publicity', label: '党委宣传部', forms: ['宣传部', '委宣传部'] },
  { key: 'organization', label: '党委组织部', forms: ['组织部'] },
  { key: 'united-front', label: '党委统战部', forms: ['统战部', '统一战线工作部'] },
  { key: 'political-legal', label: '党委政法委', forms: ['政法委', '政法委员会'] },
  { key: 'cyberspace', label: '网信办', forms: ['网信办', '网络安全和信息化委员会办公室', '互联网信息办公室'] },
  { key: 'next-generation-care', label: '关心下一代工作委员会', forms: ['关工委', '关心下一代工作委员会'] },
  { key: 'science-association', label: '科学技术协会', forms: ['科协', '科学技术协会'] },
  { key: 'science-technology', label: '科学技术局', forms: ['科技局', '科学技术局', '科技厅'] },
  { key: 'industry-it', label: '工业和信息化局', forms: ['工业和信息化局', '工信局', '工业和信息化厅', '工信厅'] },
  { key: 'agriculture-rural', label: '农业农村局', forms: ['农业农村局', '农业农村厅', '农业局', '农委'] },
  { key: 'rural-revitalization', label: '乡村振兴局', forms: ['乡村振兴局', '扶贫办', '扶贫开发办公室'] },
  { key: 'veterans-affairs', label: '退役军人事务局', forms: ['退役军人事务局', '退役军人局', '退役军人事务厅'] },
  { key: 'social-insurance', label: '社会保险事业管理局', forms: ['社会保险事业管理局', '社保局', '社会保险局', '社会保险事业局', '社保中心'] },
  { key: 'taxation', label: '税务局', forms: ['税务局'] },
  { key: 'water', label: '水利局', forms: ['水利局', '水务局', '水利厅'] },
  { key: 'urban-management', label: '城市管理局', forms: ['城市管理局', '城管局', '城市管理综合行政执法局', '城市管理行政执法局', '城管执法局'] },
  { key: 'commerce', label: '商务局', forms: ['商务局', '商务厅'] },
  { key: 'transport', label: '交通运输局', forms: ['交通运输局', '交通局', '交通运输厅'] },
  { key: 'social-governance', label: '综治办', forms: ['综治办', '社会治安综合治理委员会办公室', '综治委'] },
  { key: 'women-children-committee', label: '妇女儿童工作委员会', forms: ['妇儿工委', '妇女儿童工作委员会', '妇儿工委办', '妇女儿童工作委员会办公室'] },
  { key: 'government', label: '人民政府', forms: ['人民政府', '政府'] },
  { key: 'government-office', label: '政府办公室', forms: ['政府办公室', '政府办', '人民政府办公室'] },
  { key: 'audit', label: '审计局', forms: ['审计局'] },
  { key: 'ethnic-religious-affairs', label: '民族宗教事务局', forms: ['民族宗教事务局', '民宗局', '民族宗教局'] },
  { key: 'forestry-grassland', label: '林业和草原局', forms: ['林业和草原局', '林业局', '林草局'] },
  { key: 'red-cross', label: '红十字会', forms: ['红十字会'] },
  { key: 'radio-television', label: '广播电视局', forms: ['广播电视局', '广电局'] },
  { key: 'housing-provident-fund', label: '住房公积金管理中心', forms: ['住房公积金管理中心', '公积金中心'] },
  { key: 'petitions', label: '信访局', forms: ['信访局'] },
  { key: 'party-committee', label: '党委', forms: [], patterns: [/^(?:中共)?.{0,8}?[省市县区旗]委$/] },
  { key: 'peoples-congress', label: '人大常委会', forms: ['人大常委会', '人大', '人民代表大会常务委员会'] },
  { key: 'cppcc', label: '政协', forms: ['政协'] },
  { key: 'big-data', label: '政务服务和数据管理局', forms: ['政务服务和数据管理局', '数据局', '大数据局', '政务服务局'] },
  { key: 'fire-rescue', label: '消防救援支队（大队）', forms: ['消防救援支队', '消防救援大队', '消防支队', '消防大队'] },
  { key: 'meteorology', label: '气象局', forms: ['气象局'] },
  { key: 'disease-control', label: '疾病预防控制中心', forms: ['疾病预防控制中心', '疾控中心', '疾病预防控制局', '疾控局'] },
  { key: 'maternal-child-health', label: '妇幼保健院', forms: ['妇幼保健院', '妇幼保健计划生育服务中心', '妇幼保健所', '妇幼保健中心'] },
  { key: 'discipline-inspection', label: '纪委监委', forms: ['纪委监委', '纪委', '监委', '纪律检查委员会', '监察委员会'] },
];

/**
 * Bodies that are many offices at once (各县（市）区政府, 各有关部门). They are named as
 * responsible, so they keep a page and a row like any department, but they are no one office
 * and do not merge with one (`各县（市）区政府` is not `市政府`); pages list them apart.
 */
export const COLLECTIVE_ALIASES: readonly DepartmentAlias[] = [
  { key: 'lower-governments', label: '各县（市、区）人民政府', forms: [], patterns: [/^各(?:县|区|市|旗|\(|（).*(?:政府|人民政府)$/, /^(?:县|区)\(市\)区?(?:人民)?政府$/, /^各级(?:人民)?政府$/, /^各(?:县|区|市|旗)[县区市旗()、]*$/] },
  { key: 'township-governments', label: '各乡镇（街道）', forms: [], patterns: [/^各?(?:乡镇|乡\(镇\)|镇\(乡\)|街道|乡镇\(街道\)|乡镇街道|乡镇政府|乡镇人民政府)(?:\(街道(?:办事处)?\))?(?:人民政府|政府|办事处)?$/] },
  { key: 'related-departments', label: '各有关部门（统称）', forms: [], patterns: [/^(?:各|.{0,6}?直)?(?:有关|相关|各|责任)?(?:部门|单位|成员单位)$/, /^(?:各)?(?:有关|相关)(?:部门|单位)/] },
];
